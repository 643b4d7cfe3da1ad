package io.deskbridge.desk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecondDesk;
import io.deskbridge.desk.user.Users;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A membership change on instance A that moves a user's organization reaches instance B's cached
 * users as a user update does: through the cluster epoch, within a second (organizationmembership/
 * package-info). Two instances on one PostgreSQL.
 */
@Tag("postgres-only")
class TwoInstanceOrganizationMembershipIntegrationTests extends DeskIntegrationTest {

    @Autowired
    Environment environment;

    private SecondDesk instanceB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = SecondDesk.start(environment, Map.of());
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void shouldDropTheCachedUserOnBWhenAMembershipOnAMovesItsOrganization() {
        String auth = ownerAuth();
        long first = organization(auth);
        long second = organization(auth);
        Response user = api.send(
                "POST",
                "/api/v2/users",
                auth,
                "{\"user\":{\"name\":\"Cached\",\"email\":\"c-" + UUID.randomUUID() + "@example.com\","
                        + "\"organization_id\":" + first + "}}");
        long userId = user.json().at("/user/id").asLong();
        Response added = api.send(
                "POST",
                "/api/v2/users/" + userId + "/organization_memberships",
                auth,
                "{\"organization_membership\":{\"organization_id\":" + second + "}}");
        assertThat(added.status()).isEqualTo(201);
        Users usersOnB = instanceB.bean(Users.class);
        await().atMost(Duration.ofSeconds(1))
                .until(() -> usersOnB.findByIdCached(userId).orElseThrow().organizationId() == first);
        long firstMembership = api.get("/api/v2/users/" + userId + "/organization_memberships", auth)
                .json()
                .at("/organization_memberships/0/id")
                .asLong();

        assertThat(api.send("DELETE", "/api/v2/organization_memberships/" + firstMembership, auth, null)
                        .status())
                .isEqualTo(204);

        await().pollInterval(Duration.ofMillis(20))
                .atMost(Duration.ofSeconds(1))
                .until(() -> usersOnB.findByIdCached(userId).orElseThrow().organizationId() == second);
    }

    private long organization(String auth) {
        Response org = api.send(
                "POST",
                "/api/v2/organizations",
                auth,
                "{\"organization\":{\"name\":\"Org " + UUID.randomUUID() + "\"}}");
        assertThat(org.status()).isEqualTo(201);
        return org.json().at("/organization/id").asLong();
    }
}
