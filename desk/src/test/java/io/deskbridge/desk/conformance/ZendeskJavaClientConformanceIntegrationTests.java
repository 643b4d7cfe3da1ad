package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.UserAccount;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.ZendeskResponseIdempotencyConflictException;
import org.zendesk.client.v2.model.Audit;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.CommentType;
import org.zendesk.client.v2.model.CustomFieldValue;
import org.zendesk.client.v2.model.DeletedTicket;
import org.zendesk.client.v2.model.IdempotentResult;
import org.zendesk.client.v2.model.Metric;
import org.zendesk.client.v2.model.Organization;
import org.zendesk.client.v2.model.Priority;
import org.zendesk.client.v2.model.Role;
import org.zendesk.client.v2.model.SearchResultEntity;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.TicketCount;
import org.zendesk.client.v2.model.User;
import org.zendesk.client.v2.model.events.CommentEvent;

/**
 * Drives desk with the unchanged real Zendesk Java client ({@code com.cloudbees.thirdparty:
 * zendesk-java-client}) over API-token authentication, and checks that everything the client
 * reads back is exactly what it wrote. Each test creates its own data with unique names, so the
 * tests do not depend on each other or on their order.
 */
class ZendeskJavaClientConformanceIntegrationTests extends DeskIntegrationTest {

    /** More than two of the client's cursor pages ({@code page[size]=100}). */
    static final int MANY_TICKETS = 230;

    private Zendesk zendesk;

    @BeforeEach
    void connectTheClient() {
        String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY);
        zendesk = new Zendesk.Builder(baseUrl())
                .setUsername(OWNER_EMAIL)
                .setToken(token)
                .build();
    }

    @AfterEach
    void closeTheClient() {
        if (zendesk != null) {
            zendesk.close();
            zendesk = null;
        }
    }

    @Nested
    class CurrentUser {

        @Test
        void shouldReturnTheTokenOwnerAsAdmin() {
            UserAccount owner = owner();

            User me = zendesk.getCurrentUser();

            assertThat(me).as("GET /users/me.json").isNotNull();
            assertThat(me.getId()).isEqualTo(owner.id());
            assertThat(me.getEmail()).isEqualTo(OWNER_EMAIL);
            assertThat(me.getName()).isEqualTo(owner.name());
            assertThat(me.getRole()).isEqualTo(Role.ADMIN);
            assertThat(me.getActive()).isTrue();
            assertThat(me.getUrl()).isEqualTo(baseUrl() + "/api/v2/users/" + owner.id() + ".json");
        }
    }

    @Nested
    class Organizations {

        @Test
        void shouldCreateAnOrganizationAndReadItBack() {
            String name = "Conformance Org " + unique();
            String externalId = "org-ext-" + unique();

            Organization created = zendesk.createOrganization(organization(name, externalId, List.of("vip", "emea")));

            assertThat(created).as("POST /organizations.json").isNotNull();
            assertThat(created.getId()).isNotNull();
            assertOrganization(created, name, externalId, List.of("vip", "emea"));

            Organization read = zendesk.getOrganization(created.getId());

            assertThat(read).as("GET /organizations/{id}.json").isNotNull();
            assertThat(read.getId()).isEqualTo(created.getId());
            assertOrganization(read, name, externalId, List.of("vip", "emea"));
            assertThat(read.getCreatedAt()).isEqualTo(created.getCreatedAt());
            assertThat(read.getUpdatedAt()).isEqualTo(created.getUpdatedAt());
        }

        @Test
        void shouldAnswerAnUnknownOrganizationWithNull() {
            assertThat(zendesk.getOrganization(Long.MAX_VALUE - 7)).isNull();
        }

        private void assertOrganization(Organization o, String name, String externalId, List<String> tags) {
            assertThat(o.getName()).isEqualTo(name);
            assertThat(o.getExternalId()).isEqualTo(externalId);
            assertThat(o.getTags()).containsExactlyElementsOf(tags);
            assertThat(o.getCreatedAt()).isNotNull();
            assertThat(o.getUpdatedAt()).isNotNull();
        }
    }

    @Nested
    class Users {

        @Test
        void shouldCreateAnEndUserInAnOrganizationAndReadItBack() {
            Organization org = zendesk.createOrganization(
                    organization("Users Org " + unique(), "users-org-" + unique(), List.of("customers")));
            String name = "Ann Conformance " + unique();
            String email = "ann-" + unique() + "@example.com";
            String externalId = "user-ext-" + unique();

            User created = zendesk.createUser(endUser(name, email, org.getId(), externalId, List.of("gold", "beta")));

            assertThat(created).as("POST /users.json").isNotNull();
            assertThat(created.getId()).isNotNull();
            assertEndUser(created, name, email, org.getId(), externalId, List.of("gold", "beta"));

            User read = zendesk.getUser(created.getId());

            assertThat(read).as("GET /users/{id}.json").isNotNull();
            assertThat(read.getId()).isEqualTo(created.getId());
            assertEndUser(read, name, email, org.getId(), externalId, List.of("gold", "beta"));
            assertThat(read.getUrl()).isEqualTo(baseUrl() + "/api/v2/users/" + created.getId() + ".json");
            assertThat(read.getCreatedAt()).isEqualTo(created.getCreatedAt());
        }

        @Test
        void shouldKeepADeletedUserButMarkItInactive() {
            String name = "Del User " + unique();
            String email = "del-" + unique() + "@example.com";
            String externalId = "del-ext-" + unique();
            User created = zendesk.createUser(endUser(name, email, null, externalId, List.of("leaving")));

            zendesk.deleteUser(created.getId());

            User read = zendesk.getUser(created.getId());
            assertThat(read).as("GET /users/{id}.json after DELETE").isNotNull();
            assertThat(read.getId()).isEqualTo(created.getId());
            assertThat(read.getActive()).isFalse();
            assertThat(read.getName()).isEqualTo(name);
            assertThat(read.getEmail()).isEqualTo(email);
            assertThat(read.getRole()).isEqualTo(Role.END_USER);
        }

        @Test
        void shouldAnswerAnUnknownUserWithNull() {
            assertThat(zendesk.getUser(Long.MAX_VALUE - 7)).isNull();
        }

        private void assertEndUser(
                User u, String name, String email, Long organizationId, String externalId, List<String> tags) {
            assertThat(u.getName()).isEqualTo(name);
            assertThat(u.getEmail()).isEqualTo(email);
            assertThat(u.getRole()).isEqualTo(Role.END_USER);
            assertThat(u.getOrganizationId()).isEqualTo(organizationId);
            assertThat(u.getExternalId()).isEqualTo(externalId);
            assertThat(u.getTags()).containsExactlyElementsOf(tags);
            assertThat(u.getActive()).isTrue();
        }
    }

    @Nested
    class Tickets {

        @Test
        void shouldCreateATicketForAnExistingRequesterAndReadItBack() {
            Organization org =
                    zendesk.createOrganization(organization("Tickets Org " + unique(), "t-org-" + unique(), List.of()));
            User requester = zendesk.createUser(
                    endUser("Requester " + unique(), "req-" + unique() + "@example.com", org.getId(), null, List.of()));
            String subject = "Printer on fire " + unique();
            String body = "The printer on floor 3 is on fire.\nPlease send help.";
            String externalId = "ticket-ext-" + unique();
            Ticket ticket = new Ticket(requester.getId(), subject, new Comment(body));
            ticket.setPriority(Priority.HIGH);
            ticket.setTags(List.of("printer", "fire"));
            ticket.setExternalId(externalId);
            ticket.setCustomFields(List.of(
                    new CustomFieldValue(360_001L, new String[] {"floor-3"}),
                    new CustomFieldValue(360_002L, new String[] {"red", "blue"})));

            Ticket created = zendesk.createTicket(ticket);

            assertThat(created).as("POST /tickets.json").isNotNull();
            assertThat(created.getId()).isNotNull();
            assertCreatedTicket(created, subject, body, requester.getId(), org.getId(), externalId);

            Ticket read = zendesk.getTicket(created.getId());

            assertThat(read).as("GET /tickets/{id}.json").isNotNull();
            assertThat(read.getId()).isEqualTo(created.getId());
            assertCreatedTicket(read, subject, body, requester.getId(), org.getId(), externalId);
            assertThat(read.getUrl()).isEqualTo(baseUrl() + "/api/v2/tickets/" + created.getId() + ".json");
            assertThat(read.getCreatedAt()).isEqualTo(created.getCreatedAt());
            assertThat(read.getUpdatedAt()).isEqualTo(created.getUpdatedAt());
        }

        private void assertCreatedTicket(
                Ticket t, String subject, String body, long requesterId, long organizationId, String externalId) {
            assertThat(t.getSubject()).isEqualTo(subject);
            assertThat(t.getDescription()).isEqualTo(body);
            assertThat(t.getPriority()).isEqualTo(Priority.HIGH);
            assertThat(t.getStatus()).isEqualTo(Status.NEW);
            assertThat(t.getTags()).containsExactly("printer", "fire");
            assertThat(t.getRequesterId()).isEqualTo(requesterId);
            assertThat(t.getSubmitterId()).isEqualTo(owner().id());
            assertThat(t.getOrganizationId()).as("the requester's organization").isEqualTo(organizationId);
            assertThat(t.getExternalId()).isEqualTo(externalId);
            assertThat(t.getCustomFields()).hasSize(2);
            assertThat(t.getCustomFields().get(0).getId()).isEqualTo(360_001L);
            assertThat(t.getCustomFields().get(0).getValue()).containsExactly("floor-3");
            assertThat(t.getCustomFields().get(1).getId()).isEqualTo(360_002L);
            assertThat(t.getCustomFields().get(1).getValue()).containsExactly("red", "blue");
            assertThat(t.getCreatedAt()).isNotNull();
        }

        @Test
        void shouldCreateANewRequesterFromNameAndEmailAsAnEndUser() {
            String name = "Bob Newcomer " + unique();
            String email = "bob-" + unique() + "@example.com";
            String subject = "First contact " + unique();
            Ticket ticket = new Ticket(new Ticket.Requester(name, email), subject, new Comment("Hello, I am new."));
            ticket.setPriority(Priority.LOW);

            Ticket created = zendesk.createTicket(ticket);

            assertThat(created)
                    .as("POST /tickets.json with requester{name,email}")
                    .isNotNull();
            assertThat(created.getRequesterId()).isNotNull().isNotEqualTo(owner().id());
            assertThat(created.getSubject()).isEqualTo(subject);
            assertThat(created.getDescription()).isEqualTo("Hello, I am new.");
            assertThat(created.getPriority()).isEqualTo(Priority.LOW);
            assertThat(created.getStatus()).isEqualTo(Status.NEW);
            User requester = zendesk.getUser(created.getRequesterId());
            assertThat(requester).as("GET /users/{requester_id}.json").isNotNull();
            assertThat(requester.getName()).isEqualTo(name);
            assertThat(requester.getEmail()).isEqualTo(email);
            assertThat(requester.getRole()).isEqualTo(Role.END_USER);
            assertThat(requester.getActive()).isTrue();
            Ticket read = zendesk.getTicket(created.getId());
            assertThat(read.getRequesterId()).isEqualTo(created.getRequesterId());
        }

        @Test
        void shouldUpdateStatusPriorityAndTagsOfAFetchedTicket() {
            Ticket created = newTicket("Needs an update " + unique(), "Original description", List.of("before"));
            Ticket fetched = zendesk.getTicket(created.getId());
            fetched.setStatus(Status.OPEN);
            fetched.setPriority(Priority.URGENT);
            fetched.setTags(List.of("after", "escalated"));

            Ticket updated = zendesk.updateTicket(fetched);

            assertThat(updated).as("PUT /tickets/{id}.json").isNotNull();
            assertUpdated(updated, created);
            Ticket read = zendesk.getTicket(created.getId());
            assertUpdated(read, created);
            assertThat(read.getUpdatedAt()).isEqualTo(updated.getUpdatedAt());
        }

        private void assertUpdated(Ticket t, Ticket created) {
            assertThat(t.getId()).isEqualTo(created.getId());
            assertThat(t.getStatus()).isEqualTo(Status.OPEN);
            assertThat(t.getPriority()).isEqualTo(Priority.URGENT);
            assertThat(t.getTags()).containsExactly("after", "escalated");
            assertThat(t.getSubject()).isEqualTo(created.getSubject());
            assertThat(t.getDescription()).isEqualTo("Original description");
            assertThat(t.getRequesterId()).isEqualTo(created.getRequesterId());
            assertThat(t.getExternalId()).isEqualTo(created.getExternalId());
            assertThat(t.getCreatedAt()).isEqualTo(created.getCreatedAt());
        }

        @Test
        void shouldAddPublicAndPrivateCommentsAndListThemInOrder() {
            User customer = zendesk.createUser(
                    endUser("Commenter " + unique(), "commenter-" + unique() + "@example.com", null, null, List.of()));
            Ticket created = newTicket(customer.getId(), "Comment thread " + unique(), "The opening comment");
            long ownerId = owner().id();
            Comment reply = new Comment("A public reply from the customer");
            reply.setAuthorId(customer.getId());
            reply.setPublic(true);
            Comment note = new Comment("An internal note, agents only");
            note.setPublic(false);

            Ticket afterReply = zendesk.createComment(created.getId(), reply);
            Ticket afterNote = zendesk.createComment(created.getId(), note);

            assertThat(afterReply)
                    .as("PUT /tickets/{id}.json with a public comment")
                    .isNotNull();
            assertThat(afterReply.getId()).isEqualTo(created.getId());
            assertThat(afterNote)
                    .as("PUT /tickets/{id}.json with a private comment")
                    .isNotNull();
            assertThat(afterNote.getId()).isEqualTo(created.getId());
            assertThat(afterNote.getDescription()).isEqualTo("The opening comment");

            List<Comment> comments = list(zendesk.getTicketComments(created.getId()));

            assertThat(comments).hasSize(3);
            assertThat(comments)
                    .extracting(Comment::getBody)
                    .containsExactly(
                            "The opening comment", "A public reply from the customer", "An internal note, agents only");
            assertThat(comments).extracting(Comment::getAuthorId).containsExactly(ownerId, customer.getId(), ownerId);
            assertThat(comments).extracting(Comment::isPublic).containsExactly(true, true, false);
            assertThat(comments).extracting(Comment::getType).containsOnly(CommentType.COMMENT);
            assertThat(comments).extracting(Comment::getId).doesNotContainNull().isSorted();
            assertThat(comments).extracting(Comment::getCreatedAt).doesNotContainNull();
        }

        @Test
        void shouldShowManyTicketsByIdExactly() {
            Ticket first = newTicket("Show many one " + unique(), "one", List.of());
            Ticket second = newTicket("Show many two " + unique(), "two", List.of());
            Ticket third = newTicket("Show many three " + unique(), "three", List.of());
            newTicket("Show many not asked " + unique(), "four", List.of());

            List<Ticket> shown = zendesk.getTickets(first.getId(), second.getId(), third.getId());

            assertThat(shown)
                    .extracting(Ticket::getId)
                    .containsExactlyInAnyOrder(first.getId(), second.getId(), third.getId());
            for (Ticket t : shown) {
                Ticket original =
                        t.getId().equals(first.getId()) ? first : t.getId().equals(second.getId()) ? second : third;
                assertThat(t.getSubject()).isEqualTo(original.getSubject());
                assertThat(t.getDescription()).isEqualTo(original.getDescription());
                assertThat(t.getStatus()).isEqualTo(Status.NEW);
            }
        }

        @Test
        void shouldDeleteATicketAndListItAsDeletedWithItsPreviousState() {
            Ticket created = newTicket("To be deleted " + unique(), "Delete me", List.of("temp"));
            Ticket opened = zendesk.getTicket(created.getId());
            opened.setStatus(Status.OPEN);
            assertThat(zendesk.updateTicket(opened).getStatus()).isEqualTo(Status.OPEN);

            zendesk.deleteTicket(created.getId());

            assertThat(zendesk.getTicket(created.getId()))
                    .as("GET /tickets/{id}.json of a deleted ticket (404 -> null)")
                    .isNull();
            List<DeletedTicket> deleted = list(zendesk.getDeletedTickets()).stream()
                    .filter(d -> created.getId().equals(d.getId()))
                    .toList();
            assertThat(deleted).as("deleted_tickets entries for the ticket").hasSize(1);
            DeletedTicket entry = deleted.get(0);
            assertThat(entry.getSubject()).isEqualTo(created.getSubject());
            assertThat(entry.getDescription()).isEqualTo("Delete me");
            assertThat(entry.getPreviousState()).isEqualTo(Status.OPEN);
            assertThat(entry.getActor()).isNotNull();
            assertThat(entry.getActor().getId()).isEqualTo(owner().id());
            assertThat(entry.getActor().getName()).isEqualTo(owner().name());
            assertThat(entry.getDeletedAt()).isNotNull();
        }

        @Test
        void shouldAnswerAnUnknownTicketWithNull() {
            assertThat(zendesk.getTicket(Long.MAX_VALUE - 7)).isNull();
        }
    }

    @Nested
    class Pagination {

        @Test
        void shouldIterateEveryTicketExactlyOnceAcrossCursorPages() {
            User requester = zendesk.createUser(
                    endUser("Paging " + unique(), "paging-" + unique() + "@example.com", null, null, List.of()));
            String run = unique();
            Set<Long> created = new LinkedHashSet<>();
            for (int i = 0; i < MANY_TICKETS; i++) {
                Ticket t = zendesk.createTicket(
                        new Ticket(requester.getId(), "Paging " + run + " #" + i, new Comment("Page filler " + i)));
                assertThat(t).as("POST /tickets.json #" + i).isNotNull();
                created.add(t.getId());
            }
            assertThat(created).hasSize(MANY_TICKETS);
            long live = jdbc.sql("SELECT COUNT(*) FROM tickets WHERE deleted_at IS NULL")
                    .query(Long.class)
                    .single();

            List<Long> seen = new ArrayList<>();
            for (Ticket t : zendesk.getTickets()) {
                seen.add(t.getId());
                if (seen.size() > live + 500) {
                    fail("getTickets() did not terminate: " + seen.size() + " tickets seen, " + live + " exist");
                }
            }

            assertThat(seen).as("no ticket twice").doesNotHaveDuplicates();
            assertThat(seen).as("every created ticket").containsAll(created);
            assertThat(seen.stream().filter(created::contains).count()).isEqualTo(MANY_TICKETS);
            assertThat(seen).as("every live ticket").hasSize((int) live);
            assertThat(seen).as("in id order").isSorted();
            // The client's first request, seen raw: a full page of 100 and an absolute next link, so
            // the iteration above really crossed at least three pages.
            DeskClient.Response firstPage = api.get("/api/v2/tickets.json?page%5Bsize%5D=100", ownerAuth());
            assertThat(firstPage.status()).isEqualTo(200);
            assertThat(firstPage.json().path("tickets").size()).isEqualTo(100);
            assertThat(firstPage.json().path("links").path("next").asString()).startsWith(baseUrl() + "/api/v2/");
        }
    }

    @Nested
    class Search {

        @Test
        void shouldFindTicketsByAWordOfTheirSubject() {
            String word = word();
            Ticket one = newTicket("Router " + word + " keeps rebooting", "It reboots every hour", List.of());
            Ticket two = newTicket("Also about the " + word + " router", "Second report", List.of());
            newTicket("Unrelated router " + unique(), "Nothing to see", List.of());

            List<Ticket> found = list(zendesk.getSearchResults(Ticket.class, word));

            assertThat(found).extracting(Ticket::getId).containsExactlyInAnyOrder(one.getId(), two.getId());
            assertThat(found)
                    .extracting(Ticket::getSubject)
                    .containsExactlyInAnyOrder(one.getSubject(), two.getSubject());
        }

        @Test
        void shouldDispatchUntypedResultsByResultType() {
            String word = word();
            Ticket ticket = newTicket("Mixed search " + word, "A ticket about it", List.of());
            User user = zendesk.createUser(
                    endUser("Mixed " + word + " Person", "mixed-" + unique() + "@example.com", null, null, List.of()));
            Organization org = zendesk.createOrganization(organization("Mixed " + word + " Ltd", null, List.of()));

            List<SearchResultEntity> found = list(zendesk.getSearchResults(word));

            assertThat(found).hasSize(3);
            assertThat(found).filteredOn(Ticket.class::isInstance).hasSize(1);
            assertThat(found).filteredOn(User.class::isInstance).hasSize(1);
            assertThat(found).filteredOn(Organization.class::isInstance).hasSize(1);
            Ticket foundTicket = (Ticket)
                    found.stream().filter(Ticket.class::isInstance).findFirst().orElseThrow();
            assertThat(foundTicket.getId()).isEqualTo(ticket.getId());
            assertThat(foundTicket.getSubject()).isEqualTo(ticket.getSubject());
            User foundUser = (User)
                    found.stream().filter(User.class::isInstance).findFirst().orElseThrow();
            assertThat(foundUser.getId()).isEqualTo(user.getId());
            assertThat(foundUser.getEmail()).isEqualTo(user.getEmail());
            Organization foundOrg = (Organization) found.stream()
                    .filter(Organization.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            assertThat(foundOrg.getId()).isEqualTo(org.getId());
            assertThat(foundOrg.getName()).isEqualTo(org.getName());
        }

        @Test
        void shouldFindAUserByEmailAndByName() {
            String word = word();
            String email = "findme-" + unique() + "@example.com";
            User user = zendesk.createUser(endUser("Findable " + word, email, null, null, List.of()));
            zendesk.createUser(
                    endUser("Someone Else " + unique(), "else-" + unique() + "@example.com", null, null, List.of()));

            List<User> byEmail = list(zendesk.getSearchResults(User.class, "email:" + email));
            List<User> byName = list(zendesk.getSearchResults(User.class, word));

            assertThat(byEmail).extracting(User::getId).containsExactly(user.getId());
            assertThat(byEmail.get(0).getEmail()).isEqualTo(email);
            assertThat(byEmail.get(0).getName()).isEqualTo("Findable " + word);
            assertThat(byName).extracting(User::getId).containsExactly(user.getId());
            assertThat(byName.get(0).getEmail()).isEqualTo(email);
        }
    }

    @Nested
    class Idempotency {

        @Test
        void shouldReplayTheSameRequestAsADuplicateWithoutASecondTicket() {
            User requester = zendesk.createUser(
                    endUser("Idem " + unique(), "idem-" + unique() + "@example.com", null, null, List.of()));
            String subject = "Idempotent create " + unique();
            String key = "conformance-" + UUID.randomUUID();
            Ticket ticket = new Ticket(requester.getId(), subject, new Comment("Only once, please"));
            ticket.setTags(List.of("idem"));

            IdempotentResult<Ticket> first = zendesk.createTicketIdempotent(ticket, key);
            IdempotentResult<Ticket> second = zendesk.createTicketIdempotent(ticket, key);

            assertThat(first.isDuplicateRequest())
                    .as("x-idempotency-lookup of the first request")
                    .isFalse();
            assertThat(first.get()).isNotNull();
            assertThat(first.get().getSubject()).isEqualTo(subject);
            assertThat(first.get().getDescription()).isEqualTo("Only once, please");
            assertThat(first.get().getTags()).containsExactly("idem");
            assertThat(second.isDuplicateRequest())
                    .as("x-idempotency-lookup of the repeat")
                    .isTrue();
            assertThat(second.get()).isNotNull();
            assertThat(second.get().getId()).isEqualTo(first.get().getId());
            assertThat(second.get().getSubject()).isEqualTo(subject);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE subject = :subject")
                            .param("subject", subject)
                            .query(Long.class)
                            .single())
                    .as("tickets with the subject")
                    .isEqualTo(1L);
        }

        @Test
        void shouldRefuseTheSameKeyWithAnotherBody() {
            User requester = zendesk.createUser(
                    endUser("Idem2 " + unique(), "idem2-" + unique() + "@example.com", null, null, List.of()));
            String key = "conformance-" + UUID.randomUUID();
            String subject = "Idempotent first " + unique();
            zendesk.createTicketIdempotent(new Ticket(requester.getId(), subject, new Comment("First body")), key);

            assertThatThrownBy(() -> zendesk.createTicketIdempotent(
                            new Ticket(requester.getId(), "Idempotent other " + unique(), new Comment("Other body")),
                            key))
                    .isInstanceOf(ZendeskResponseIdempotencyConflictException.class)
                    .satisfies(e -> assertThat(((ZendeskResponseException) e).getStatusCode())
                            .isEqualTo(400));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE subject = :subject")
                            .param("subject", subject)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
        }
    }

    @Nested
    class Authentication {

        @Test
        void shouldRefuseAWrongTokenWith401() {
            String wrong =
                    SecretLedger.issued("wrong-" + UUID.randomUUID().toString().replace("-", ""));
            try (Zendesk intruder = new Zendesk.Builder(baseUrl())
                    .setUsername(OWNER_EMAIL)
                    .setToken(wrong)
                    .build()) {

                assertThatThrownBy(intruder::getCurrentUser)
                        .isInstanceOf(ZendeskResponseException.class)
                        .satisfies(e -> assertThat(((ZendeskResponseException) e).getStatusCode())
                                .isEqualTo(401));
                assertThatThrownBy(() -> intruder.getTicket(1L))
                        .isInstanceOf(ZendeskResponseException.class)
                        .satisfies(e -> assertThat(((ZendeskResponseException) e).getStatusCode())
                                .isEqualTo(401));
            }
        }
    }

    private Ticket newTicket(String subject, String description, List<String> tags) {
        Ticket ticket = new Ticket(owner().id(), subject, new Comment(description));
        ticket.setTags(tags);
        Ticket created = zendesk.createTicket(ticket);
        assertThat(created).as("POST /tickets.json").isNotNull();
        assertThat(created.getSubject()).isEqualTo(subject);
        assertThat(created.getDescription()).isEqualTo(description);
        assertThat(created.getTags()).containsExactlyElementsOf(tags);
        return created;
    }

    private Ticket newTicket(long requesterId, String subject, String description) {
        Ticket created = zendesk.createTicket(new Ticket(requesterId, subject, new Comment(description)));
        assertThat(created).as("POST /tickets.json").isNotNull();
        assertThat(created.getRequesterId()).isEqualTo(requesterId);
        return created;
    }

    private static Organization organization(String name, String externalId, List<String> tags) {
        Organization o = new Organization();
        o.setName(name);
        o.setExternalId(externalId);
        o.setTags(tags);
        return o;
    }

    /** What the client reads of a ticket's history: lookups by external id, audits, metrics, counts. */
    @Nested
    class TicketHistory {

        @Test
        void shouldFindOnlyTheTicketsWithAnExternalId() {
            String externalId = "by-ext-" + unique();
            Ticket ticket = new Ticket(owner().id(), "External " + unique(), new Comment("Body"));
            ticket.setExternalId(externalId);
            Ticket created = zendesk.createTicket(ticket);
            zendesk.createTicket(new Ticket(owner().id(), "Other " + unique(), new Comment("Body")));

            List<Ticket> found = list(zendesk.getTicketsByExternalId(externalId));

            assertThat(found).extracting(Ticket::getId).containsExactly(created.getId());
            assertThat(list(zendesk.getTicketsByExternalId("nobody-" + unique())))
                    .isEmpty();
        }

        @Test
        void shouldReadTheAuditsOfATicketWithTheCommentAsACommentEvent() {
            Ticket created =
                    zendesk.createTicket(new Ticket(owner().id(), "Audited " + unique(), new Comment("First")));
            created.setStatus(Status.PENDING);
            created.setComment(new Comment("Second"));
            zendesk.updateTicket(created);

            List<Audit> audits = list(zendesk.getTicketAudits(created.getId()));

            assertThat(audits).hasSize(2);
            assertThat(audits).allSatisfy(a -> assertThat(a.getTicketId()).isEqualTo(created.getId()));
            assertThat(audits.get(1).getEvents())
                    .filteredOn(e -> e instanceof CommentEvent)
                    .singleElement()
                    .satisfies(e -> assertThat(((CommentEvent) e).getBody()).isEqualTo("Second"));
            Audit one = zendesk.getTicketAudit(created.getId(), audits.get(0).getId());
            assertThat(one.getId()).isEqualTo(audits.get(0).getId());
            assertThat(one.getCreatedAt()).isEqualTo(audits.get(0).getCreatedAt());
        }

        @Test
        void shouldReadATicketsMetricSetByTicketAndById() {
            Ticket created = zendesk.createTicket(new Ticket(owner().id(), "Measured " + unique(), new Comment("Q")));
            created.setAssigneeId(owner().id());
            created.setComment(new Comment("A public answer"));
            zendesk.updateTicket(created);

            Metric byTicket = zendesk.getTicketMetricByTicket(created.getId());

            assertThat(byTicket.getTicketId()).isEqualTo(created.getId());
            assertThat(byTicket.getReplies()).isEqualTo(1L);
            assertThat(byTicket.getAssigneeStations()).isEqualTo(1L);
            assertThat(byTicket.getReopens()).isZero();
            assertThat(byTicket.getSolvedAt()).isNull();
            assertThat(byTicket.getCreatedAt()).isEqualTo(created.getCreatedAt());
            Metric byId = zendesk.getTicketMetric(byTicket.getId());
            assertThat(byId.getTicketId()).isEqualTo(created.getId());
            assertThat(list(zendesk.getTicketMetrics()))
                    .extracting(Metric::getTicketId)
                    .contains(created.getId());
        }

        @Test
        void shouldCountTheTickets() {
            zendesk.createTicket(new Ticket(owner().id(), "Counted " + unique(), new Comment("Body")));

            TicketCount count = zendesk.getTicketsCount();

            assertThat(count.getValue())
                    .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE deleted_at IS NULL")
                            .query(Long.class)
                            .single());
            assertThat(count.getRefreshedAt()).isNotNull();
        }
    }

    private static User endUser(String name, String email, Long organizationId, String externalId, List<String> tags) {
        User u = new User(name, email);
        u.setRole(Role.END_USER);
        u.setOrganizationId(organizationId);
        u.setExternalId(externalId);
        u.setTags(tags);
        return u;
    }

    private static <T> List<T> list(Iterable<T> iterable) {
        return StreamSupport.stream(iterable.spliterator(), false).toList();
    }

    /** A short unique token of letters and digits (one search term). */
    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A unique, letters-only search word. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : unique().toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString().toLowerCase(Locale.ROOT);
    }
}
