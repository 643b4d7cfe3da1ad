package io.deskbridge.desk.testdouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenFormat;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecretLedger;
import io.deskbridge.desk.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The {@code /_desk/} API switched on, on a desk of its own (a reset would wipe the shared desk's data). */
@TestPropertySource(
        properties = {"desk.test-double.enabled=true", "desk.test-double.key=" + TestDoubleIntegrationTests.KEY})
class TestDoubleIntegrationTests extends DeskIntegrationTest {

    static final String KEY = "test-double-key-6bd1f0c2a9e84d7f93c1";

    static {
        SecretLedger.issued(KEY);
    }

    private String owner;

    @BeforeEach
    void freshAccount() {
        owner = ownerAuth();
        Response reset = desk("POST", "/_desk/reset", null);
        assertThat(reset.status()).isEqualTo(200);
        desk("DELETE", "/_desk/faults", null);
    }

    private Response desk(String method, String path, String body) {
        return api.send(method, path, owner, body);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private Response newTicket(String subject) {
        return api.send(
                "POST",
                "/api/v2/tickets.json",
                owner,
                "{\"ticket\":{\"subject\":\"" + subject + "\",\"comment\":{\"body\":\"Help\"}}}");
    }

    @Nested
    class WhoMayCall {

        @Test
        void shouldRefuseCallersWithoutCredentialsWith401() {
            Response response = api.send("POST", "/_desk/reset", null, null);

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"Couldn't authenticate you\"}");
        }

        @Test
        void shouldRefuseAnAgentWith403() {
            var agentUser = newUser(Role.AGENT);
            String agent = DeskClient.tokenAuth(
                    agentUser.email(), issueToken(agentUser, TokenScope.FULL, AuthenticatesAs.OWNER_ONLY));
            long ticketsBefore = count("tickets");
            newTicket("stays");

            Response response = api.send("POST", "/_desk/reset", agent, null);

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("error").get("title").asString()).isEqualTo("Forbidden");
            assertThat(count("tickets")).isEqualTo(ticketsBefore + 1);
        }

        @Test
        void shouldRefuseAWrongKeyWith401() {
            Response response = api.send(
                    "GET",
                    "/_desk/snapshots",
                    null,
                    null,
                    Map.of(TestDoubleProperties.KEY_HEADER, "not-the-key-but-long-enough-to-look-like-one"));

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"Couldn't authenticate you\"}");
        }

        @Test
        void shouldLetTheKeyHolderResetAndAuditItAsTheKey() {
            Response response =
                    api.send("POST", "/_desk/reset", null, null, Map.of(TestDoubleProperties.KEY_HEADER, KEY));

            assertThat(response.status()).isEqualTo(200);
            List<Map<String, Object>> resets = auditEntries("test_double.reset");
            assertThat(resets).hasSize(1);
            assertThat(resets.get(0).get("actor_name")).isEqualTo(TestDoubleKeyFilter.KEY_HOLDER);
        }
    }

    @Nested
    class Reset {

        @Test
        void shouldRemoveEverythingMadeSinceStartKeepTheOwnersTokenAndAuditTheReset() {
            newTicket("before the reset");
            api.send(
                    "POST",
                    "/api/v2/users.json",
                    owner,
                    "{\"user\":{\"name\":\"Temp\",\"email\":\"temp@example.com\"}}");
            assertThat(count("tickets")).isEqualTo(1);

            Response reset = desk("POST", "/_desk/reset", null);

            assertThat(reset.status()).isEqualTo(200);
            assertThat(reset.json().get("reset").get("name").asString()).isEqualTo("fresh");
            assertThat(reset.json().get("reset").get("tickets").asLong()).isZero();
            assertThat(count("tickets")).isZero();
            assertThat(count("ticket_comments")).isZero();
            assertThat(users.findByEmail("temp@example.com")).isEmpty();
            assertThat(users.findByEmail(OWNER_EMAIL)).isPresent();
            Response tickets = api.get("/api/v2/tickets.json", owner);
            assertThat(tickets.status()).as("the owner's token survives").isEqualTo(200);
            assertThat(tickets.json().get("tickets").size()).isZero();
            List<Map<String, Object>> resets = auditEntries("test_double.reset");
            assertThat(resets).hasSize(1);
            assertThat(resets.get(0).get("actor_id")).isEqualTo(owner().id());
            assertThat(resets.get(0).get("change_description")).isEqualTo("Reset the account to a fresh one");
        }
    }

    @Nested
    class Fixtures {

        @Test
        void shouldLoadUsersOrganizationsTicketsWithCommentsAndAFixedToken() {
            String value = SecretLedger.issued(TokenFormat.generate());
            String fixture = """
                    {"organizations": [{"name": "Acme"}],
                     "users": [{"name": "Ann", "email": "ann@acme.test", "organization": "Acme"},
                               {"name": "Bob", "email": "bob@acme.test", "role": "agent"}],
                     "api_tokens": [{"email": "bob@acme.test", "value": "%s"}],
                     "tickets": [{"subject": "Broken", "requester": "ann@acme.test", "assignee": "bob@acme.test",
                                  "status": "open", "tags": ["vip"],
                                  "comments": [{"body": "It broke"},
                                               {"body": "Looking", "author": "bob@acme.test"}]}]}
                    """.formatted(value);

            Response loaded = desk("POST", "/_desk/fixtures", fixture);

            assertThat(loaded.status()).isEqualTo(201);
            JsonNode body = loaded.json().get("fixture");
            assertThat(body.get("organizations").asInt()).isEqualTo(1);
            assertThat(body.get("users").asInt()).isEqualTo(2);
            assertThat(body.get("api_tokens").asInt()).isEqualTo(1);
            assertThat(body.get("tickets").asInt()).isEqualTo(1);
            String bob = DeskClient.tokenAuth("bob@acme.test", value);
            Response tickets = api.get("/api/v2/tickets.json", bob);
            assertThat(tickets.status()).as("the fixture's token authenticates").isEqualTo(200);
            JsonNode ticket = tickets.json().get("tickets").get(0);
            assertThat(ticket.get("subject").asString()).isEqualTo("Broken");
            assertThat(ticket.get("status").asString()).isEqualTo("open");
            assertThat(ticket.get("tags").get(0).asString()).isEqualTo("vip");
            Response comments = api.get("/api/v2/tickets/" + ticket.get("id").asLong() + "/comments.json", bob);
            assertThat(comments.json().get("comments").size()).isEqualTo(2);
            assertThat(comments.json().get("comments").get(1).get("body").asString())
                    .isEqualTo("Looking");
            assertThat(auditEntries("test_double.fixture_loaded")).hasSize(1);
        }

        @Test
        void shouldRefuseAFixtureNamingAnUnknownPersonWith422() {
            Response loaded = desk(
                    "POST",
                    "/_desk/fixtures",
                    "{\"tickets\":[{\"subject\":\"x\",\"requester\":\"nobody@acme.test\",\"comments\":[{\"body\":\"b\"}]}]}");

            assertThat(loaded.status()).isEqualTo(422);
            assertThat(loaded.json().get("error").asString()).isEqualTo("RecordInvalid");
            assertThat(loaded.body())
                    .contains("Requester: no user with email 'nobody@acme.test' (list them under users)");
            assertThat(count("tickets")).isZero();
        }

        @Test
        void shouldGenerateTheSameTicketsForTheSameCount() {
            Response loaded = desk("POST", "/_desk/fixtures", "{\"generate_tickets\": 12}");

            assertThat(loaded.status()).isEqualTo(201);
            assertThat(count("tickets")).isEqualTo(12);
            List<String> first = jdbc.sql("SELECT subject FROM tickets ORDER BY id")
                    .query(String.class)
                    .list();
            desk("POST", "/_desk/reset", null);
            desk("POST", "/_desk/fixtures", "{\"generate_tickets\": 12}");
            assertThat(jdbc.sql("SELECT subject FROM tickets ORDER BY id")
                            .query(String.class)
                            .list())
                    .isEqualTo(first);
        }
    }

    @Nested
    class Snapshots {

        @Test
        void shouldRestoreASavedStateWithTheSameIdsAfterAReset() {
            desk("POST", "/_desk/fixtures", "{\"generate_tickets\": 5}");
            List<Long> ids = jdbc.sql("SELECT id FROM tickets ORDER BY id")
                    .query(Long.class)
                    .list();

            Response saved = desk("PUT", "/_desk/snapshots/five_tickets", null);
            desk("POST", "/_desk/reset", null);
            newTicket("made after the save");
            Response restored = desk("POST", "/_desk/snapshots/five_tickets/restore", null);

            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.json().get("snapshot").get("tickets").asLong()).isEqualTo(5);
            assertThat(restored.status()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT id FROM tickets ORDER BY id")
                            .query(Long.class)
                            .list())
                    .isEqualTo(ids);
            Response listed = desk("GET", "/_desk/snapshots", null);
            assertThat(listed.json().get("snapshots").toString()).isEqualTo("[\"five_tickets\",\"fresh\"]");
            assertThat(auditEntries("test_double.snapshot_restored")).hasSize(1);
            assertThat(desk("DELETE", "/_desk/snapshots/five_tickets", null).status())
                    .isEqualTo(204);
        }

        /**
         * Restoring the snapshot restored last copies only the tables written since (on H2): each kind of
         * write must still be undone — through the API, behind its back, and a token the caches know.
         */
        @Test
        void shouldUndoEveryWriteSinceRestoringTheSameSnapshotAndForgetCachedTokens() {
            desk("POST", "/_desk/fixtures", "{\"generate_tickets\": 3}");
            desk("PUT", "/_desk/snapshots/three_tickets", null);
            assertThat(desk("POST", "/_desk/snapshots/three_tickets/restore", null)
                            .status())
                    .isEqualTo(200);
            long first =
                    jdbc.sql("SELECT MIN(id) FROM tickets").query(Long.class).single();
            String subject = jdbc.sql("SELECT subject FROM tickets WHERE id = :id")
                    .param("id", first)
                    .query(String.class)
                    .single();
            String ownerName = jdbc.sql("SELECT name FROM users WHERE email = :email")
                    .param("email", OWNER_EMAIL)
                    .query(String.class)
                    .single();
            String value = SecretLedger.issued(TokenFormat.generate());
            desk("POST", "/_desk/fixtures", """
                    {"users": [{"name": "Late", "email": "late@acme.test", "role": "agent"}],
                     "api_tokens": [{"email": "late@acme.test", "value": "%s"}]}
                    """.formatted(value));
            String late = DeskClient.tokenAuth("late@acme.test", value);
            assertThat(api.get("/api/v2/tickets/" + first + ".json", late).status())
                    .as("the late token works, and is cached")
                    .isEqualTo(200);
            Response updated = api.send(
                    "PUT",
                    "/api/v2/tickets/" + first + ".json",
                    owner,
                    "{\"ticket\":{\"subject\":\"Qwertzuiop after the restore\"}}");
            assertThat(updated.status()).isEqualTo(200);
            jdbc.sql("UPDATE users SET name = 'Renamed behind the API' WHERE email = :email")
                    .param("email", OWNER_EMAIL)
                    .update();

            Response restored = desk("POST", "/_desk/snapshots/three_tickets/restore", null);

            assertThat(restored.status()).isEqualTo(200);
            assertThat(restored.json().get("snapshot").get("tickets").asLong()).isEqualTo(3);
            assertThat(api.get("/api/v2/tickets/" + first + ".json", owner)
                            .json()
                            .get("ticket")
                            .get("subject")
                            .asString())
                    .isEqualTo(subject);
            assertThat(jdbc.sql("SELECT name FROM users WHERE email = :email")
                            .param("email", OWNER_EMAIL)
                            .query(String.class)
                            .single())
                    .isEqualTo(ownerName);
            assertThat(users.findByEmail("late@acme.test")).isEmpty();
            assertThat(api.get("/api/v2/tickets/" + first + ".json", late).status())
                    .as("the cached token of a user the restore removed")
                    .isEqualTo(401);
            assertThat(api.get("/api/v2/search.json?query=qwertzuiop", owner)
                            .json()
                            .get("count")
                            .asLong())
                    .as("the search index is the snapshot's")
                    .isZero();
            Response again = desk("POST", "/_desk/snapshots/three_tickets/restore", null);
            assertThat(again.status()).isEqualTo(200);
            assertThat(count("tickets")).isEqualTo(3);
            assertThat(desk("DELETE", "/_desk/snapshots/three_tickets", null).status())
                    .isEqualTo(204);
        }

        /**
         * On H2 a restore makes the search index's table again (drop, create, fill, index) instead of
         * refilling it: searches, the index's key and its later writes must be as at save time, every time.
         */
        @Test
        void shouldSearchAsAtSaveTimeAfterEachRestoreAndIndexWritesMadeSince() {
            long saved =
                    newTicket("Zyxwvut saved").json().get("ticket").get("id").asLong();
            assertThat(desk("PUT", "/_desk/snapshots/searchable", null).status())
                    .isEqualTo(200);
            desk("POST", "/_desk/reset", null);

            for (int round = 1; round <= 2; round++) {
                assertThat(desk("POST", "/_desk/snapshots/searchable/restore", null)
                                .status())
                        .isEqualTo(200);
                assertThat(searchIds("zyxwvut"))
                        .as("round %d: a search right after the restore", round)
                        .containsExactly(saved);
                assertThat(searchIds("zyxw*"))
                        .as("round %d: a prefix search", round)
                        .containsExactly(saved);
                assertThat(searchIds("vutsrq"))
                        .as("round %d: nothing written since the save", round)
                        .isEmpty();
                long written = newTicket("Vutsrq written after restore " + round)
                        .json()
                        .get("ticket")
                        .get("id")
                        .asLong();
                Response updated = api.send(
                        "PUT",
                        "/api/v2/tickets/" + saved + ".json",
                        owner,
                        "{\"ticket\":{\"subject\":\"Vutsrq renamed\"}}");
                assertThat(updated.status()).isEqualTo(200);
                assertThat(searchIds("vutsrq"))
                        .as("round %d: a write, then a search", round)
                        .containsExactlyInAnyOrder(saved, written);
                assertThat(searchIds("zyxwvut"))
                        .as("round %d: the renamed ticket left its old terms", round)
                        .isEmpty();
                assertThatThrownBy(() -> jdbc.sql("INSERT INTO search_terms (entity_type, term, entity_id)"
                                        + " VALUES ('ticket', 'vutsrq', :id)")
                                .param("id", saved)
                                .update())
                        .as("round %d: the index's primary key is back", round)
                        .isInstanceOf(DuplicateKeyException.class);
            }
            assertThat(desk("DELETE", "/_desk/snapshots/searchable", null).status())
                    .isEqualTo(204);
        }

        private List<Long> searchIds(String query) {
            Response found = api.get("/api/v2/search.json?query=" + query, owner);
            assertThat(found.status()).isEqualTo(200);
            List<Long> ids = new ArrayList<>();
            found.json()
                    .get("results")
                    .forEach(result -> ids.add(result.get("id").asLong()));
            return ids;
        }

        @Test
        void shouldRefuseABadNameUnknownSnapshotAndOverwritingFresh() {
            Response bad = desk("PUT", "/_desk/snapshots/Bad__Name", null);
            Response unknown = desk("POST", "/_desk/snapshots/never_saved/restore", null);
            Response fresh = desk("PUT", "/_desk/snapshots/fresh", null);

            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body())
                    .isEqualTo("{\"errors\":[{\"code\":\"InvalidSnapshotName\",\"title\":\"A snapshot name is 1 to 20"
                            + " lower-case letters and digits, words joined by single underscores (like"
                            + " before_import); got 'Bad__Name'\"}]}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("error").asString()).isEqualTo("RecordNotFound");
            assertThat(fresh.status()).isEqualTo(400);
            assertThat(fresh.json().get("errors").get(0).get("code").asString()).isEqualTo("SnapshotProtected");
        }
    }

    @Nested
    class Faults {

        @Test
        void shouldAnswerTheNextRequestsWith429AndRetryAfterThenServeAndLogThem() {
            Response added = desk(
                    "POST",
                    "/_desk/faults",
                    "{\"fault\":{\"method\":\"GET\",\"path\":\"/api/v2/tickets*\",\"status\":429,\"retry_after\":2,"
                            + "\"times\":2}}");

            Response first = api.get("/api/v2/tickets.json", owner);
            Response second = api.get("/api/v2/tickets.json", owner);
            Response third = api.get("/api/v2/tickets.json", owner);

            assertThat(added.status()).isEqualTo(201);
            assertThat(added.json().get("fault").get("remaining").asInt()).isEqualTo(2);
            for (Response limited : List.of(first, second)) {
                assertThat(limited.status()).isEqualTo(429);
                assertThat(limited.header("Retry-After")).isEqualTo("2");
                assertThat(limited.body()).isEqualTo("Number of allowed API requests per minute exceeded");
            }
            assertThat(third.status()).isEqualTo(200);
            JsonNode log = desk("GET", "/_desk/faults", null).json();
            assertThat(log.get("faults").get(0).get("remaining").asInt()).isZero();
            assertThat(log.get("injected").size()).isEqualTo(2);
            assertThat(log.get("injected").get(0).get("path").asString()).isEqualTo("/api/v2/tickets");
            assertThat(log.get("injected").get(0).get("status").asInt()).isEqualTo(429);
            assertThat(auditEntries("test_double.fault_added")).isNotEmpty();
        }

        @Test
        void shouldAnswer503InZendesksShapeOnlyForTheMatchingMethod() {
            desk(
                    "POST",
                    "/_desk/faults",
                    "{\"fault\":{\"method\":\"POST\",\"path\":\"/api/v2/tickets.json\",\"status\":503}}");

            Response read = api.get("/api/v2/tickets.json", owner);
            Response write = newTicket("refused");

            assertThat(read.status()).isEqualTo(200);
            assertThat(write.status()).isEqualTo(503);
            assertThat(write.header("Retry-After")).isEqualTo("1");
            assertThat(write.body())
                    .isEqualTo("{\"error\":\"ServiceUnavailable\",\"description\":\"Service Unavailable\"}");
            assertThat(count("tickets")).isZero();
        }

        @Test
        void shouldRefuseAFaultWithAStatusZendeskDoesNotSendWith400() {
            Response refused = desk("POST", "/_desk/faults", "{\"fault\":{\"path\":\"/api/v2/**\",\"status\":418}}");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body())
                    .isEqualTo("{\"errors\":[{\"code\":\"InvalidFault\",\"title\":\"status is one of 429, 500, 502,"
                            + " 503; got 418\"}]}");
            assertThat(desk("GET", "/_desk/faults", null).json().get("faults").size())
                    .isZero();
        }
    }
}
