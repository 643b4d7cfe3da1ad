package io.deskbridge.junit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.junit.DeskFixture;
import io.deskbridge.junit.Deskbridge;
import io.deskbridge.junit.DeskbridgeTest;
import io.deskbridge.junit.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;

/**
 * The example project of issue 15: an integration suite for code that uses zendesk-java-client, with
 * desk as its Zendesk through {@link DeskbridgeTest}. Every test starts from a fresh account; the
 * fixture tests see exactly {@code fixtures/acme.json}; the 429 test proves the integration's retry.
 */
@DeskbridgeTest
class ZendeskJavaClientExampleTests {

    private Zendesk zendesk;

    @BeforeEach
    void connect(Deskbridge desk) {
        zendesk = new Zendesk.Builder(desk.baseUrl())
                .setUsername(desk.adminEmail())
                .setToken(desk.apiToken())
                .build();
    }

    @AfterEach
    void close() {
        zendesk.close();
    }

    private List<Ticket> allTickets() {
        List<Ticket> tickets = new ArrayList<>();
        zendesk.getTickets().forEach(tickets::add);
        return tickets;
    }

    private static Ticket newTicket(String subject) {
        return new Ticket(null, subject, new Comment("Created by the example suite"));
    }

    /**
     * The integration's retry, as code using zendesk-java-client writes it: the client (1.5.2) does not
     * retry by itself ({@code Builder.setRetry} does nothing); it throws {@link
     * ZendeskResponseRateLimitException} carrying Zendesk's {@code Retry-After}.
     */
    static <T> T retryingRateLimits(Supplier<T> call, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ZendeskResponseRateLimitException limited) {
                if (attempt == attempts) {
                    throw limited;
                }
                try {
                    Thread.sleep(limited.getRetryAfter() * 1000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw limited;
                }
            }
        }
    }

    @Nested
    class FreshAccountForEveryTest {

        // Both tests create one ticket and see exactly one, whichever runs first: the reset between them.
        @Test
        void shouldSeeOnlyTheTicketThisTestCreated() {
            zendesk.createTicket(newTicket("first"));

            assertThat(allTickets()).extracting(Ticket::getSubject).containsExactly("first");
        }

        @Test
        void shouldSeeOnlyTheTicketThisOtherTestCreated() {
            zendesk.createTicket(newTicket("second"));

            assertThat(allTickets()).extracting(Ticket::getSubject).containsExactly("second");
        }
    }

    @Nested
    class MovingDesksClock {

        @Test
        void shouldStampATicketMadeAfterTheMoveThreeDaysLater(Deskbridge desk) {
            Ticket before = zendesk.createTicket(newTicket("before"));

            desk.advanceClock(Duration.ofDays(3));
            Ticket after = zendesk.createTicket(newTicket("after"));

            assertThat(Duration.between(
                            before.getCreatedAt().toInstant(),
                            after.getCreatedAt().toInstant()))
                    .isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(5));
            assertThat(after.getCreatedAt().toInstant()).isBeforeOrEqualTo(desk.now());
        }
    }

    @Nested
    @DeskFixture("fixtures/acme.json")
    class WithTheAcmeFixture {

        @Test
        void shouldSeeTheFixturesTicketsWithTheirStatusesAndComments() {
            List<Ticket> tickets = allTickets();

            assertThat(tickets)
                    .extracting(Ticket::getSubject, Ticket::getStatus)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Invoice is wrong", Status.OPEN),
                            org.assertj.core.groups.Tuple.tuple("Cannot sign in", Status.PENDING),
                            org.assertj.core.groups.Tuple.tuple("Thank you", Status.SOLVED));
            List<Comment> comments = new ArrayList<>();
            zendesk.getTicketComments(tickets.get(0).getId()).forEach(comments::add);
            assertThat(comments)
                    .extracting(Comment::getBody, Comment::isPublic)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "The invoice for November lists 12 seats; we have 10.", true),
                            org.assertj.core.groups.Tuple.tuple("Thanks Ann, I am correcting it.", true),
                            org.assertj.core.groups.Tuple.tuple("Internal: credit note issued.", false));
        }

        @Test
        void shouldFindTheFixturesPeopleAndStartFromTheFixtureAgainAfterAWrite() {
            zendesk.deleteTicket(allTickets().get(0).getId());

            assertThat(zendesk.lookupUserByEmail("ann@acme.example"))
                    .singleElement()
                    .satisfies(ann -> assertThat(ann.getName()).isEqualTo("Ann Acme"));
            assertThat(allTickets()).hasSize(2);
        }

        @Test
        void shouldStillHaveAllThreeTicketsWhateverTheOtherTestDeleted() {
            assertThat(allTickets()).hasSize(3);
        }
    }

    @Nested
    class RateLimitBurst {

        @Test
        void shouldCreateTheTicketAfterTwo429sByWaitingOutRetryAfter(Deskbridge desk) {
            desk.inject(Fault.status(429)
                    .on("POST", "/api/v2/tickets")
                    .retryAfter(1)
                    .times(2));

            Ticket created = retryingRateLimits(() -> zendesk.createTicket(newTicket("after the burst")), 3);

            assertThat(created.getId()).isNotNull();
            assertThat(desk.injectedFaults()).isEqualTo(2);
            assertThat(allTickets()).extracting(Ticket::getSubject).containsExactly("after the burst");
        }

        @Test
        void shouldGiveUpWhenTheBurstOutlastsTheRetries(Deskbridge desk) {
            desk.inject(Fault.status(429)
                    .on("POST", "/api/v2/tickets")
                    .retryAfter(1)
                    .times(5));

            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> retryingRateLimits(() -> zendesk.createTicket(newTicket("never")), 2))
                    .isInstanceOf(ZendeskResponseRateLimitException.class)
                    .satisfies(e -> assertThat(((ZendeskResponseRateLimitException) e).getRetryAfter())
                            .isEqualTo(1L));
            assertThat(allTickets()).isEmpty();
        }
    }
}
