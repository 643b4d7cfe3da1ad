package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Organization;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/**
 * The unchanged zendesk-java-client's incremental methods against desk. The records are made at a
 * frozen moment in the future, so the exports hold exactly them; then the clock moves past the
 * 60-second freshness window.
 */
@TestPropertySource(properties = {"desk.test.context=client-incremental", "desk.rate-limit.enforce=false"})
class ZendeskJavaClientIncrementalIntegrationTests extends DeskIntegrationTest {

    private Zendesk zendesk;
    private int run;
    private Instant t0;
    private final List<Long> ticketIds = new ArrayList<>();
    private final List<Long> userIds = new ArrayList<>();
    private final List<Long> organizationIds = new ArrayList<>();

    @BeforeEach
    void recordsInTheFuture() {
        ticketIds.clear();
        userIds.clear();
        organizationIds.clear();
        String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY);
        String auth = DeskClient.tokenAuth(OWNER_EMAIL, token);
        // A distinct future hour per test, so no test's records fall into another's window.
        t0 = Instant.now().plus(Duration.ofDays(10).plusHours(run++)).truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(t0);
        for (int i = 0; i < 3; i++) {
            String suffix = UUID.randomUUID().toString();
            organizationIds.add(api.send(
                            "POST",
                            "/api/v2/organizations",
                            auth,
                            DeskClient.json(Map.of("organization", Map.of("name", "Inc org " + suffix))))
                    .json()
                    .at("/organization/id")
                    .asLong());
            userIds.add(api.send(
                            "POST",
                            "/api/v2/users",
                            auth,
                            DeskClient.json(Map.of(
                                    "user", Map.of("name", "Inc user", "email", "inc-" + suffix + "@example.com"))))
                    .json()
                    .at("/user/id")
                    .asLong());
        }
        for (int i = 0; i < 25; i++) {
            Map<String, Object> ticket = Map.of("subject", "Incremental " + i, "comment", Map.of("body", "x"));
            ticketIds.add(api.send("POST", "/api/v2/tickets", auth, DeskClient.json(Map.of("ticket", ticket)))
                    .json()
                    .at("/ticket/id")
                    .asLong());
        }
        clock.advance(Duration.ofSeconds(61));
        zendesk = new Zendesk.Builder(baseUrl())
                .setUsername(OWNER_EMAIL)
                .setToken(token)
                .build();
    }

    @AfterEach
    void close() {
        zendesk.close();
    }

    @Test
    void shouldReturnEveryTicketIncrementally() {
        List<Long> seen = new ArrayList<>();
        for (Ticket ticket : zendesk.getTicketsIncrementally(Date.from(t0))) {
            seen.add(ticket.getId());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ticketIds);
    }

    @Test
    void shouldReturnEveryUserIncrementally() {
        List<Long> seen = new ArrayList<>();
        for (User user : zendesk.getUsersIncrementally(Date.from(t0))) {
            seen.add(user.getId());
        }
        assertThat(seen).containsAll(userIds);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void shouldReturnEveryOrganizationIncrementally() {
        List<Long> seen = new ArrayList<>();
        for (Organization organization : zendesk.getOrganizationsIncrementally(Date.from(t0))) {
            seen.add(organization.getId());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(organizationIds);
    }
}
