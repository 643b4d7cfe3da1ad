package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.JobResult;
import org.zendesk.client.v2.model.JobStatus;
import org.zendesk.client.v2.model.Organization;
import org.zendesk.client.v2.model.OrganizationMembership;
import org.zendesk.client.v2.model.Role;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.TicketImport;
import org.zendesk.client.v2.model.User;

/**
 * The unchanged zendesk-java-client's bulk calls against desk: each answers a queued job status, the
 * client polls it ({@code getJobStatus}, {@code getJobStatuses}) to {@code completed}, and every
 * item's result reads back right through its {@code JobResult}.
 */
class ZendeskJavaClientBulkConformanceIntegrationTests extends DeskIntegrationTest {

    private Zendesk zendesk;

    @BeforeEach
    void connectTheClient() {
        zendesk = new Zendesk.Builder(baseUrl())
                .setUsername(OWNER_EMAIL)
                .setToken(issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY))
                .build();
    }

    @AfterEach
    void closeTheClient() {
        zendesk.close();
    }

    private JobStatus completed(JobStatus queued) {
        assertThat(queued.getId()).isNotNull();
        assertThat(queued.getStatus())
                .isIn(
                        JobStatus.JobStatusEnum.queued,
                        JobStatus.JobStatusEnum.working,
                        JobStatus.JobStatusEnum.completed);
        JobStatus[] last = new JobStatus[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = zendesk.getJobStatus(queued);
                    return last[0].getStatus() == JobStatus.JobStatusEnum.completed;
                });
        return last[0];
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Nested
    class Tickets {

        @Test
        void shouldCreateUpdateAndDeleteTicketsThroughAsyncJobs() throws Exception {
            String word = "jc" + unique();
            List<Ticket> drafts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                drafts.add(new Ticket(owner().id(), word + " " + i, new Comment("Body " + i)));
            }

            JobStatus created = completed(zendesk.createTicketsAsync(drafts).get(30, TimeUnit.SECONDS));

            assertThat(created.getTotal()).isEqualTo(3);
            assertThat(created.getProgress()).isEqualTo(3);
            assertThat(created.getResults()).hasSize(3);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                JobResult result = created.getResults().get(i);
                assertThat(result.getIndex()).isEqualTo(i);
                ids.add(result.getId());
                assertThat(zendesk.getTicket(result.getId()).getSubject()).isEqualTo(word + " " + i);
            }

            List<Ticket> changes = new ArrayList<>();
            for (long id : ids) {
                Ticket change = new Ticket();
                change.setId(id);
                change.setStatus(Status.PENDING);
                changes.add(change);
            }
            JobStatus updated = completed(zendesk.updateTicketsAsync(changes).get(30, TimeUnit.SECONDS));
            assertThat(updated.getResults()).allSatisfy(r -> {
                assertThat(r.getAction()).isEqualTo("update");
                assertThat(r.getSuccess()).isTrue();
                assertThat(r.getStatus()).isEqualTo("Updated");
            });
            assertThat(updated.getResults().stream().map(JobResult::getId)).containsExactlyElementsOf(ids);
            assertThat(zendesk.getTicket(ids.get(1)).getStatus()).isEqualTo(Status.PENDING);

            JobStatus deleted = completed(zendesk.deleteTickets(ids.get(0), ids.get(1), ids.get(2)));
            assertThat(deleted.getResults().stream().map(JobResult::getStatus))
                    .containsExactly("Deleted", "Deleted", "Deleted");
            assertThat(zendesk.getTicket(ids.get(0))).isNull();

            List<JobStatus> all = zendesk.getJobStatuses(List.of(created, updated, deleted));
            assertThat(all.stream().map(JobStatus::getId))
                    .containsExactly(created.getId(), updated.getId(), deleted.getId());
        }

        @Test
        void shouldQueueATicketCreateWhoseJobCreatesTheTicket() throws Exception {
            String subject = "jc async " + unique();

            JobStatus queued = zendesk.queueCreateTicketAsync(
                            new Ticket(owner().id(), subject, new Comment("Async body")))
                    .get(30, TimeUnit.SECONDS);
            JobStatus done = completed(queued);

            assertThat(done.getTotal()).isEqualTo(1);
            assertThat(done.getResults()).hasSize(1);
            JobResult result = done.getResults().get(0);
            assertThat(result.getIndex()).isZero();
            Ticket created = zendesk.getTicket(result.getId());
            assertThat(created.getSubject()).isEqualTo(subject);
            assertThat(created.getDescription()).isEqualTo("Async body");
        }

        @Test
        void shouldDeleteSoftDeletedTicketsPermanentlyOneAndMany() {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Ticket created =
                        zendesk.createTicket(new Ticket(owner().id(), "jc purge " + unique(), new Comment("x")));
                zendesk.deleteTicket(created.getId());
                ids.add(created.getId());
            }

            JobStatus one = completed(zendesk.permanentlyDeleteTicket(ids.get(0)));
            JobStatus many = completed(zendesk.permanentlyDeleteTickets(ids.get(1), ids.get(2)));

            assertThat(one.getResults()).singleElement().satisfies(r -> {
                assertThat(r.getId()).isEqualTo(ids.get(0));
                assertThat(r.getAction()).isEqualTo("delete");
                assertThat(r.getSuccess()).isTrue();
                assertThat(r.getStatus()).isEqualTo("Deleted");
            });
            assertThat(many.getResults().stream().map(JobResult::getId)).containsExactly(ids.get(1), ids.get(2));
            assertThat(many.getResults().stream().map(JobResult::getSuccess)).containsExactly(true, true);
            List<Long> stillDeleted = new ArrayList<>();
            zendesk.getDeletedTickets().forEach(t -> stillDeleted.add(t.getId()));
            assertThat(stillDeleted).doesNotContainAnyElementsOf(ids);
            assertThat(zendesk.getTicket(ids.get(0))).isNull();
        }

        @Test
        void shouldImportHistoricalTicketsOneAndMany() {
            Date then = Date.from(Instant.parse("2018-06-01T10:00:00Z"));
            Comment comment = new Comment("Imported body");
            comment.setAuthorId(owner().id());
            comment.setCreatedAt(then);
            TicketImport one = new TicketImport(owner().id(), "Imported " + unique(), List.of(comment));
            one.setCreatedAt(then);
            one.setStatus(Status.SOLVED);
            one.setSolvedAt(Date.from(Instant.parse("2018-06-02T10:00:00Z")));

            Ticket imported = zendesk.importTicket(one);

            assertThat(imported.getCreatedAt()).isEqualTo(then);
            assertThat(imported.getStatus()).isEqualTo(Status.SOLVED);
            assertThat(zendesk.getTicketComments(imported.getId())
                            .iterator()
                            .next()
                            .getCreatedAt())
                    .isEqualTo(then);

            JobStatus many = completed(zendesk.importTickets(
                    new TicketImport(owner().id(), "Many A " + unique(), List.of(comment)),
                    new TicketImport(owner().id(), "Many B " + unique(), List.of(comment))));
            assertThat(many.getResults()).hasSize(2);
            assertThat(zendesk.getTicket(many.getResults().get(1).getId()).getCreatedAt())
                    .isNotNull();
        }
    }

    @Nested
    class Users {

        @Test
        void shouldCreateCreateOrUpdateUpdateAndDeleteUsersThroughJobs() throws Exception {
            String a = "jc-a-" + unique() + "@example.com";
            String b = "jc-b-" + unique() + "@example.com";
            User first = new User("Bulk A", a);
            first.setRole(Role.END_USER);
            User second = new User("Bulk B", b);
            second.setRole(Role.END_USER);

            JobStatus created =
                    completed(zendesk.createUsersAsync(List.of(first, second)).get(30, TimeUnit.SECONDS));

            assertThat(created.getResults()).hasSize(2);
            assertThat(created.getResults().get(0).getEmail()).isEqualTo(a);
            assertThat(created.getResults().get(1).getStatus()).isEqualTo("Created");
            long idA = created.getResults().get(0).getId();
            long idB = created.getResults().get(1).getId();
            assertThat(zendesk.getUser(idB).getEmail()).isEqualTo(b);

            User renamed = new User("Bulk A renamed", a);
            JobStatus upserted = completed(zendesk.createOrUpdateUsers(renamed));
            assertThat(upserted.getResults().get(0).getStatus()).isEqualTo("Updated");
            assertThat(upserted.getResults().get(0).getId()).isEqualTo(idA);
            assertThat(zendesk.getUser(idA).getName()).isEqualTo("Bulk A renamed");

            User noted = new User();
            noted.setId(idB);
            noted.setNotes("bulk note");
            JobStatus updated = completed(zendesk.updateUsers(noted));
            assertThat(updated.getResults().get(0).getStatus()).isEqualTo("Updated");
            assertThat(zendesk.getUser(idB).getNotes()).isEqualTo("bulk note");

            JobStatus deleted = completed(zendesk.deleteUsers(idA, idB));
            assertThat(deleted.getResults().stream().map(JobResult::getId)).containsExactly(idA, idB);
            assertThat(zendesk.getUser(idA).getActive()).isFalse();
        }
    }

    @Nested
    class Organizations {

        @Test
        void shouldCreateUpdateAndDeleteOrganizationsAndMembershipsThroughJobs() throws Exception {
            String word = unique();
            Organization first = new Organization();
            first.setName("Bulk org A " + word);
            Organization second = new Organization();
            second.setName("Bulk org B " + word);
            JobStatus created = completed(
                    zendesk.createOrganizationsAsync(List.of(first, second)).get(30, TimeUnit.SECONDS));
            assertThat(created.getResults()).hasSize(2);
            long idA = created.getResults().get(0).getId();
            long idB = created.getResults().get(1).getId();
            assertThat(zendesk.getOrganization(idA).getName()).isEqualTo("Bulk org A " + word);
            assertThat(zendesk.getOrganization(idB).getName()).isEqualTo("Bulk org B " + word);

            Organization noted = new Organization();
            noted.setId(idB);
            noted.setNotes("bulk note " + word);
            JobStatus updated =
                    completed(zendesk.updateOrganizationsAsync(List.of(noted)).get(30, TimeUnit.SECONDS));
            assertThat(updated.getResults().get(0).getStatus()).isEqualTo("Updated");
            assertThat(zendesk.getOrganization(idB).getNotes()).isEqualTo("bulk note " + word);

            User member = new User("Member " + word, "jc-m-" + word + "@example.com");
            member.setRole(Role.END_USER);
            long memberId = zendesk.createUser(member).getId();
            OrganizationMembership membership = new OrganizationMembership();
            membership.setUserId(memberId);
            membership.setOrganizationId(idA);
            JobStatus joined = completed(zendesk.createOrganizationMembershipsAsync(List.of(membership))
                    .get(30, TimeUnit.SECONDS));
            long membershipId = joined.getResults().get(0).getId();
            assertThat(zendesk.getOrganizationMembership(membershipId).getOrganizationId())
                    .isEqualTo(idA);
            assertThat(zendesk.getUser(memberId).getOrganizationId()).isEqualTo(idA);

            JobStatus deleted = completed(zendesk.deleteOrganizations(idA, idB));
            assertThat(deleted.getResults().stream().map(JobResult::getId)).containsExactly(idA, idB);
            assertThat(zendesk.getOrganization(idA)).isNull();
        }
    }
}
