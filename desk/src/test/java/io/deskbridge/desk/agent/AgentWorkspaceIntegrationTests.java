package io.deskbridge.desk.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The agent workspace's pages over real HTTP: who may enter, CSRF, refusals, and what a change records. */
class AgentWorkspaceIntegrationTests extends DeskIntegrationTest {

    private static final String ACCESS_DENIED =
            "Only administrators can open the Admin Center. Ask the account owner if you need access.";

    private final Map<Long, String> passwords = new LinkedHashMap<>();
    private UserAccount agent;
    private UserAccount endUser;
    private String auth;

    @BeforeAll
    void seedUsers() {
        agent = user(Role.AGENT, "Avery Agent");
        endUser = user(Role.END_USER, "Erin End-user");
    }

    @BeforeEach
    void ownerToken() {
        auth = ownerAuth();
    }

    @Nested
    class WhoMayEnter {

        @Test
        void shouldSendAnAnonymousVisitorToTheSignInPage() {
            Response response = api.get("/agent/tickets", null);
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header("Location")).isEqualTo(baseUrl() + "/login");
        }

        @Test
        void shouldLandAnAgentOnTheTicketListAfterSignInAndKeepTheAdminCenterClosed() {
            DeskClient session = DeskClient.withCookies(baseUrl());
            Response signIn = session.signIn(agent.email(), passwords.get(agent.id()));
            assertThat(signIn.status()).isEqualTo(302);
            assertThat(signIn.header("Location")).isEqualTo(baseUrl() + "/agent/tickets");

            Response list = session.get("/agent/tickets", null);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("<h1>Tickets</h1>", agent.email());

            Response admin = session.get("/admin", null);
            assertThat(admin.status()).isEqualTo(403);
            assertThat(admin.body()).contains(ACCESS_DENIED);
        }

        @Test
        void shouldLandAnAdminOnTheAdminCenterAndLetItIntoTheWorkspace() {
            DeskClient session = DeskClient.withCookies(baseUrl());
            Response signIn = session.signIn(OWNER_EMAIL, OWNER_PASSWORD);
            assertThat(signIn.header("Location")).isEqualTo(baseUrl() + "/admin");
            Response list = session.get("/agent/tickets", null);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("<h1>Tickets</h1>", ">Admin Center</a>");
        }

        @Test
        void shouldRefuseAnEndUser() {
            long id = createTicket("End users stay out", Map.of());
            DeskClient session = signedIn(endUser);
            for (String path : List.of("/agent/tickets", "/agent/tickets/" + id, "/agent/tickets/new")) {
                Response response = session.get(path, null);
                assertThat(response.status()).as(path).isEqualTo(403);
                assertThat(response.body()).as(path).contains("Access denied").doesNotContain("End users stay out");
            }
        }
    }

    @Nested
    class TicketPage {

        @Test
        void shouldShowTheTicketItsConversationAndItsHistory() {
            long id = createTicket(
                    "Printer on fire",
                    Map.of("priority", "high", "type", "incident", "tags", List.of("printer", "fire")));
            Response page = signedIn(agent).get("/agent/tickets/" + id, null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains(
                            "<h1 id=\"subject\">Printer on fire</h1>",
                            "About Printer on fire",
                            "Public reply",
                            "via api",
                            "Status: new",
                            "Priority: high",
                            "Tags: printer fire",
                            "value=\"printer fire\"");
            assertThat(page.body())
                    .containsPattern(
                            "<time datetime=\"[^\"]+\" title=\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\">just now</time>");
        }

        @Test
        void shouldAnswer404ForATicketThatDoesNotExist() {
            Response page = signedIn(agent).get("/agent/tickets/999999999", null);
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("No ticket with id 999999999");
        }

        @Test
        void shouldRecordAnInternalNoteAndFieldChangesAsTheAgentViaWeb() {
            long id = createTicket("Note me", Map.of());
            DeskClient session = signedIn(agent);
            Map<String, String> form = form(session, id);
            form.put("comment", "Checked the logs");
            form.put("visibility", "internal");
            form.put("priority", "urgent");
            form.put("assignee", String.valueOf(agent.id()));
            form.put("tags", "Logs, vip");
            Response post = session.form("/agent/tickets/" + id, form);
            assertThat(post.status()).isEqualTo(302);
            assertThat(post.header("Location")).isEqualTo(baseUrl() + "/agent/tickets/" + id);
            assertThat(session.get("/agent/tickets/" + id, null).body()).contains("Ticket #" + id + " updated.");

            JsonNode ticket = api.get("/api/v2/tickets/" + id, auth).json().path("ticket");
            assertThat(ticket.path("priority").asString()).isEqualTo("urgent");
            assertThat(ticket.path("assignee_id").asLong()).isEqualTo(agent.id());
            assertThat(ticket.path("status").asString()).isEqualTo("open");
            assertThat(ticket.path("tags").toString()).isEqualTo("[\"logs\",\"vip\"]");
            JsonNode note = api.get("/api/v2/tickets/" + id + "/comments", auth)
                    .json()
                    .path("comments")
                    .get(1);
            assertThat(note.path("body").asString()).isEqualTo("Checked the logs");
            assertThat(note.path("public").asBoolean()).isFalse();
            assertThat(note.path("author_id").asLong()).isEqualTo(agent.id());
            assertThat(note.path("via").path("channel").asString()).isEqualTo("web");
            List<Map<String, Object>> audits = jdbc.sql(
                            "SELECT author_id, via_channel FROM ticket_audits WHERE ticket_id = :id ORDER BY id")
                    .param("id", id)
                    .query()
                    .listOfRows();
            assertThat(audits).hasSize(2);
            assertThat(((Number) audits.get(1).get("author_id")).longValue()).isEqualTo(agent.id());
            assertThat(audits.get(1).get("via_channel")).isEqualTo("web");
        }

        @Test
        void shouldRecordNothingWhenNothingChanged() {
            long id = createTicket("Untouched", Map.of());
            DeskClient session = signedIn(agent);
            Response post = session.form("/agent/tickets/" + id, form(session, id));
            assertThat(post.status()).isEqualTo(302);
            assertThat(session.get("/agent/tickets/" + id, null).body())
                    .contains("Nothing to save: no comment and no field changed.");
            assertThat(auditCount(id)).isEqualTo(1);
        }

        @Test
        void shouldRefuseABadValueWithTheApisMessageAndChangeNothing() {
            long id = createTicket("Bad values", Map.of());
            DeskClient session = signedIn(agent);
            Map<String, String> form = form(session, id);
            form.put("status", "bogus");
            form.put("comment", "Should not be stored");
            Response post = session.form("/agent/tickets/" + id, form);
            assertThat(post.status()).isEqualTo(422);
            assertThat(post.body())
                    .contains("Status: &quot;bogus&quot; is not one of new, open, pending, hold, solved, closed");
            assertThat(auditCount(id)).isEqualTo(1);
        }
    }

    @Nested
    class ClosedTickets {

        @Test
        void shouldShowTheRefusalAndChangeNothing() {
            // Created solved, then closed: a ticket cannot be created closed (422 since the hardening).
            long id = createTicket("Closed for good", Map.of("status", "solved"));
            Response closed = api.send(
                    "PUT",
                    "/api/v2/tickets/" + id,
                    auth,
                    DeskClient.json(Map.of("ticket", Map.of("status", "closed"))));
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            JsonNode before = api.get("/api/v2/tickets/" + id, auth).json().path("ticket");
            long auditsBefore = auditCount(id); // the create and the close
            DeskClient session = signedIn(agent);
            assertThat(session.get("/agent/tickets/" + id, null).body()).contains("This ticket is closed.");
            Map<String, String> form = form(session, id);
            form.put("comment", "Too late");
            form.put("priority", "urgent");
            Response post = session.form("/agent/tickets/" + id, form);
            assertThat(post.status()).isEqualTo(422);
            assertThat(post.body()).contains("Not saved; nothing changed:", "Status: closed prevents ticket update");
            assertThat(post.body()).contains(">Too late</textarea>");
            JsonNode after = api.get("/api/v2/tickets/" + id, auth).json().path("ticket");
            assertThat(after).isEqualTo(before);
            assertThat(auditsBefore).isEqualTo(2);
            assertThat(auditCount(id)).isEqualTo(auditsBefore);
            assertThat(api.get("/api/v2/tickets/" + id + "/comments", auth)
                            .json()
                            .path("count")
                            .asInt())
                    .isEqualTo(1);
        }
    }

    @Nested
    class Csrf {

        @Test
        void shouldRefuseAFormWithoutItsTokenAndChangeNothing() {
            long id = createTicket("Forged", Map.of());
            DeskClient session = signedIn(agent);
            Map<String, String> form = form(session, id);
            form.remove("_csrf");
            form.put("comment", "Forged reply");
            Response post = session.form("/agent/tickets/" + id, form);
            assertThat(post.status()).isEqualTo(403);
            assertThat(auditCount(id)).isEqualTo(1);

            Map<String, String> forged = form(session, id);
            forged.put("_csrf", "not-the-token");
            forged.put("comment", "Forged reply");
            assertThat(session.form("/agent/tickets/" + id, forged).status()).isEqualTo(403);
            Response create =
                    session.form("/agent/tickets", Map.of("subject", "Forged ticket", "comment", "x", "_csrf", "nope"));
            assertThat(create.status()).isEqualTo(403);
            assertThat(auditCount(id)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE subject = 'Forged ticket'")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Nested
    class NewTicket {

        @Test
        void shouldCreateATicketForARequesterByEmailViaWeb() {
            DeskClient session = signedIn(agent);
            String csrf =
                    DeskClient.csrfFrom(session.get("/agent/tickets/new", null).body());
            String email = "requester-" + UUID.randomUUID() + "@deskbridge.test";
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", csrf);
            form.put("subject", "Made in the workspace");
            form.put("requesterEmail", email);
            form.put("requesterName", "Riley Requester");
            form.put("comment", "My screen is blank");
            form.put("visibility", "public");
            form.put("priority", "low");
            form.put("type", "question");
            form.put("tags", "web");
            Response post = session.form("/agent/tickets", form);
            assertThat(post.status()).isEqualTo(302);
            long id = Long.parseLong(post.header("Location").replaceAll(".*/", ""));

            JsonNode ticket = api.get("/api/v2/tickets/" + id, auth).json().path("ticket");
            assertThat(ticket.path("subject").asString()).isEqualTo("Made in the workspace");
            assertThat(ticket.path("via").path("channel").asString()).isEqualTo("web");
            assertThat(ticket.path("submitter_id").asLong()).isEqualTo(agent.id());
            assertThat(ticket.path("requester_id").asLong())
                    .isEqualTo(users.findByEmail(email).orElseThrow().id());
            assertThat(ticket.path("priority").asString()).isEqualTo("low");
            assertThat(ticket.path("type").asString()).isEqualTo("question");
            JsonNode comment = api.get("/api/v2/tickets/" + id + "/comments", auth)
                    .json()
                    .path("comments")
                    .get(0);
            assertThat(comment.path("author_id").asLong()).isEqualTo(agent.id());
            assertThat(comment.path("via").path("channel").asString()).isEqualTo("web");
        }

        @Test
        void shouldRefuseATicketWithoutDescriptionAndKeepTheForm() {
            DeskClient session = signedIn(agent);
            String csrf =
                    DeskClient.csrfFrom(session.get("/agent/tickets/new", null).body());
            Response post = session.form(
                    "/agent/tickets", Map.of("_csrf", csrf, "subject", "No description here", "comment", " "));
            assertThat(post.status()).isEqualTo(422);
            assertThat(post.body()).contains("Description: cannot be blank", "value=\"No description here\"");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE subject = 'No description here'")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Nested
    class TicketList {

        @Test
        void shouldFilterByAssigneeStatusTagAndText() {
            String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            long mine = createTicket("Mine " + marker, Map.of("assignee_id", agent.id(), "tags", List.of(marker)));
            long unassigned = createTicket("Unowned " + marker, Map.of("tags", List.of(marker)));
            long solved = createTicket(
                    "Solved " + marker, Map.of("assignee_id", agent.id(), "status", "solved", "tags", List.of(marker)));
            DeskClient session = signedIn(agent);

            assertThat(ids(session, "?tag=" + marker)).containsExactly(solved, unassigned, mine);
            assertThat(ids(session, "?tag=" + marker + "&sort=updated_asc")).containsExactly(mine, unassigned, solved);
            assertThat(ids(session, "?tag=" + marker + "&assignee=me")).containsExactly(solved, mine);
            assertThat(ids(session, "?tag=" + marker + "&assignee=none")).containsExactly(unassigned);
            assertThat(ids(session, "?tag=" + marker + "&status=unsolved")).containsExactly(unassigned, mine);
            assertThat(ids(session, "?tag=" + marker + "&status=solved")).containsExactly(solved);
            assertThat(ids(session, "?q=" + marker + "+unowned")).containsExactly(unassigned);
            assertThat(ids(session, "?q=" + marker + "&assignee=" + agent.id() + "&status=open"))
                    .containsExactly(mine);
        }

        @Test
        void shouldRunAnApiViewAndRefuseOneItCannotRun() {
            String marker = "vw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            long urgent = createTicket("Urgent " + marker, Map.of("priority", "urgent", "tags", List.of(marker)));
            createTicket("Low " + marker, Map.of("priority", "low", "tags", List.of(marker)));
            long view = createView(
                    "Urgent " + marker,
                    "{\"all\":[{\"field\":\"priority\",\"operator\":\"is\",\"value\":\"urgent\"}],\"any\":[]}");
            long anyView = createView(
                    "Either " + marker,
                    "{\"all\":[{\"field\":\"status\",\"operator\":\"less_than\",\"value\":\"solved\"}],"
                            + "\"any\":[{\"field\":\"status\",\"operator\":\"is\",\"value\":\"new\"},"
                            + "{\"field\":\"status\",\"operator\":\"is\",\"value\":\"open\"}]}");
            DeskClient session = signedIn(agent);
            assertThat(session.get("/agent/tickets", null).body()).contains(">Urgent " + marker + "</option>");
            assertThat(ids(session, "?tag=" + marker + "&view=" + view)).containsExactly(urgent);
            Response refused = session.get("/agent/tickets?tag=" + marker + "&view=" + anyView, null);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("The view &quot;Either " + marker + "&quot; cannot be run here: it has 2 &quot;any&quot;"
                            + " conditions (one of several must hold)")
                    .doesNotContain("data-ticket-id=");
        }

        @Test
        void shouldRefuseAnUnknownFilterValueWithAMessage() {
            Response page = signedIn(agent).get("/agent/tickets?status=bogus", null);
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("The status filter does not accept &quot;bogus&quot;");
        }

        @Test
        void shouldPageByTwentyFive() {
            String marker = "pg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            for (int i = 0; i < 27; i++) {
                createTicket("Page " + i, Map.of("tags", List.of(marker)));
            }
            DeskClient session = signedIn(agent);
            Response first = session.get("/agent/tickets?tag=" + marker, null);
            assertThat(first.body()).contains("Showing 1–25 of 27", "id=\"next-page\"");
            assertThat(ids(session, "?tag=" + marker)).hasSize(25);
            Response second = session.get("/agent/tickets?tag=" + marker + "&page=2", null);
            assertThat(second.body())
                    .contains("Showing 26–27 of 27", "id=\"previous-page\"")
                    .doesNotContain("id=\"next-page\"");
            assertThat(ids(session, "?tag=" + marker + "&page=2")).hasSize(2);
        }
    }

    private List<Long> ids(DeskClient session, String query) {
        Response page = session.get("/agent/tickets" + query, null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return java.util.regex.Pattern.compile("data-ticket-id=\"(\\d+)\"")
                .matcher(page.body())
                .results()
                .map(m -> Long.parseLong(m.group(1)))
                .toList();
    }

    private UserAccount user(Role role, String name) {
        String email = role.wireName() + "-" + UUID.randomUUID() + "@deskbridge.test";
        String password = SecretLedger.issued("Pw-" + UUID.randomUUID());
        UserAccount created = users.create(name, email, role, password);
        passwords.put(created.id(), password);
        return created;
    }

    private DeskClient signedIn(UserAccount user) {
        DeskClient session = DeskClient.withCookies(baseUrl());
        assertThat(session.signIn(user.email(), passwords.get(user.id())).status())
                .isEqualTo(302);
        return session;
    }

    /** The ticket page's form as the browser would post it unchanged, with its CSRF token. */
    private Map<String, String> form(DeskClient session, long id) {
        Response page = session.get("/agent/tickets/" + id, null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode ticket = api.get("/api/v2/tickets/" + id, auth).json().path("ticket");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", DeskClient.csrfFrom(page.body()));
        form.put("status", ticket.path("status").asString());
        form.put(
                "priority",
                ticket.path("priority").isNull() ? "" : ticket.path("priority").asString());
        form.put("type", ticket.path("type").isNull() ? "" : ticket.path("type").asString());
        form.put(
                "assignee",
                ticket.path("assignee_id").isNull()
                        ? ""
                        : ticket.path("assignee_id").asString());
        form.put(
                "group",
                ticket.path("group_id").isNull() ? "" : ticket.path("group_id").asString());
        List<String> tags = new java.util.ArrayList<>();
        ticket.path("tags").forEach(t -> tags.add(t.asString()));
        form.put("tags", String.join(" ", tags));
        form.put("visibility", "public");
        form.put("comment", "");
        return form;
    }

    private long createTicket(String subject, Map<String, Object> fields) {
        Map<String, Object> ticket = new LinkedHashMap<>(fields);
        ticket.put("subject", subject);
        ticket.put("comment", Map.of("body", "About " + subject));
        Response response = api.send("POST", "/api/v2/tickets", auth, DeskClient.json(Map.of("ticket", ticket)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("ticket").path("id").asLong();
    }

    private long createView(String title, String conditions) {
        Response response = api.send(
                "POST",
                "/api/v2/views",
                auth,
                "{\"view\":{\"title\":" + DeskClient.json(title) + ",\"conditions\":" + conditions + "}}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("view").path("id").asLong();
    }

    private long auditCount(long ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_audits WHERE ticket_id = :id")
                .param("id", ticketId)
                .query(Long.class)
                .single();
    }
}
