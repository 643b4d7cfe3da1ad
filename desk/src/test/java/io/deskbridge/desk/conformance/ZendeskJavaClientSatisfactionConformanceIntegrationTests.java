package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.SatisfactionRating;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;

/**
 * The real Zendesk Java client's satisfaction-rating calls against desk: the requester rates with
 * {@code createSatisfactionRating} (its own client, signed in as the end user), the agent side reads
 * with {@code getSatisfactionRating} and walks {@code getSatisfactionRatings} (cursor pages of 100).
 */
class ZendeskJavaClientSatisfactionConformanceIntegrationTests extends DeskIntegrationTest {

    private final List<Zendesk> clients = new ArrayList<>();

    private Zendesk client(String email, AuthenticatesAs authenticatesAs) {
        Zendesk zendesk = new Zendesk.Builder(baseUrl())
                .setUsername(email)
                .setToken(issueToken(owner(), TokenScope.FULL, authenticatesAs))
                .build();
        clients.add(zendesk);
        return zendesk;
    }

    @AfterEach
    void closeTheClients() {
        clients.forEach(Zendesk::close);
        clients.clear();
    }

    @Test
    void shouldRateASolvedTicketAsItsRequesterAndReadTheRatingBack() {
        Zendesk admin = client(OWNER_EMAIL, AuthenticatesAs.OWNER_ONLY);
        UserAccount requester = newUser(Role.END_USER);
        String comment = "Thanks " + UUID.randomUUID();
        Ticket ticket = new Ticket(requester.id(), "Rate me", new Comment("Please help"));
        Ticket created = admin.createTicket(ticket);
        created.setStatus(Status.SOLVED);
        created.setComment(null);
        admin.updateTicket(created);

        SatisfactionRating rating = new SatisfactionRating();
        rating.setScore("good");
        rating.setComment(comment);
        SatisfactionRating rated =
                client(requester.email(), AuthenticatesAs.ANY_USER).createSatisfactionRating(created.getId(), rating);

        assertThat(rated).as("POST /tickets/{id}/satisfaction_rating.json").isNotNull();
        assertThat(rated.getId()).isNotNull();
        assertThat(rated.getScore()).isEqualTo("good");
        assertThat(rated.getComment()).isEqualTo(comment);
        assertThat(rated.getTicketId()).isEqualTo(created.getId());
        assertThat(rated.getRequesterId()).isEqualTo(requester.id());
        assertThat(rated.getAssigneeId()).isEqualTo(owner().id());
        assertThat(rated.getCreatedAt()).isNotNull();

        SatisfactionRating read = admin.getSatisfactionRating(rated.getId());
        assertThat(read).as("GET /satisfaction_ratings/{id}.json").isNotNull();
        assertThat(read.getScore()).isEqualTo("good");
        assertThat(read.getComment()).isEqualTo(comment);
        assertThat(read.getUpdatedAt()).isEqualTo(rated.getUpdatedAt());

        List<Long> listed = new ArrayList<>();
        admin.getSatisfactionRatings().forEach(r -> listed.add(r.getId()));
        assertThat(listed).contains(rated.getId()).doesNotHaveDuplicates();
    }
}
