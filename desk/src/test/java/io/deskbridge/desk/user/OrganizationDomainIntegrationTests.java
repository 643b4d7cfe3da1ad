package io.deskbridge.desk.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zendesk adds a new user to the organization whose {@code domain_names} list the domain of the
 * user's email (issue 9, item 8): desk does the same on create, unless the request names an
 * organization itself; matching ignores case and never matches a mere suffix or a LIKE wildcard.
 */
class OrganizationDomainIntegrationTests extends DeskIntegrationTest {

    private String auth;
    private String domain;
    private long organizationId;

    @BeforeEach
    void organizationWithADomain() {
        auth = ownerAuth();
        domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Response org = api.send(
                "POST",
                "/api/v2/organizations",
                auth,
                DeskClient.json(Map.of(
                        "organization",
                        Map.of("name", "Acme " + domain, "domain_names", List.of("other.example", domain)))));
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        organizationId = org.json().at("/organization/id").asLong();
    }

    @Test
    void shouldPutANewUserIntoTheOrganizationOfItsEmailDomain() {
        Response user = createUser("Jo@" + domain.toUpperCase(), null);
        assertThat(user.json().at("/user/organization_id").asLong()).isEqualTo(organizationId);
        Response memberships =
                api.get("/api/v2/users/" + user.json().at("/user/id").asLong() + "/organization_memberships", auth);
        assertThat(memberships.status()).isEqualTo(200);
        assertThat(memberships
                        .json()
                        .at("/organization_memberships/0/organization_id")
                        .asLong())
                .isEqualTo(organizationId);
    }

    @Test
    void shouldKeepAnOrganizationTheRequestNames() {
        Response other = api.send(
                "POST",
                "/api/v2/organizations",
                auth,
                DeskClient.json(Map.of("organization", Map.of("name", "Other " + UUID.randomUUID()))));
        long otherId = other.json().at("/organization/id").asLong();
        Response user = createUser("kim@" + domain, otherId);
        assertThat(user.json().at("/user/organization_id").asLong()).isEqualTo(otherId);
    }

    @Test
    void shouldNotMatchASuffixOrAWildcard() {
        assertThat(createUser("lee@sub." + domain, null)
                        .json()
                        .at("/user/organization_id")
                        .isNull())
                .isTrue();
        assertThat(createUser("lee@" + domain.replace('-', '_'), null)
                        .json()
                        .at("/user/organization_id")
                        .isNull())
                .isTrue();
        assertThat(createUser("lee@" + domain.replace("acme-", "acme"), null)
                        .json()
                        .at("/user/organization_id")
                        .isNull())
                .isTrue();
    }

    private Response createUser(String email, Long organization) {
        Map<String, Object> user = organization == null
                ? Map.of("name", "User " + email, "email", email)
                : Map.of("name", "User " + email, "email", email, "organization_id", organization);
        Response response = api.send("POST", "/api/v2/users", auth, DeskClient.json(Map.of("user", user)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }
}
