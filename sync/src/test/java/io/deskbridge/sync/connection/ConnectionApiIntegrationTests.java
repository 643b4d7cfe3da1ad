package io.deskbridge.sync.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConnectionApiIntegrationTests extends SyncIntegrationTest {

    private static String nameError(Response response) {
        return response.json()
                .get("details")
                .get("name")
                .get(0)
                .get("description")
                .asString();
    }

    private Response create(String name, String address) {
        return api.send(
                "POST",
                "/api/connections",
                operatorAuth(),
                SyncClient.json(Map.of("connection", Map.of("name", name, "address", address))));
    }

    @Nested
    class Authentication {

        @Test
        void shouldRefuseCallsWithoutCredentials() {
            Response response = api.get("/api/connections");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Deskbridge sync\"");
            assertThat(response.json().get("error").asString()).isEqualTo("OperatorSignInRequired");
        }

        @Test
        void shouldRefuseAWrongPassword() {
            Response response = api.get("/api/connections", SyncClient.basic(OPERATOR_EMAIL, "wrong-password"));
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("error").asString()).isEqualTo("OperatorSignInFailed");
        }

        @Test
        void shouldAcceptTheOperatorWithoutOpeningASession() {
            Response response = api.get("/api/connections", operatorAuth());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        }

        @Test
        void shouldAnswerUnknownApiPathsInJson() {
            Response response = api.get("/api/nothing-here", operatorAuth());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("error").asString()).isEqualTo("InvalidEndpoint");
        }
    }

    @Nested
    class Creating {

        @Test
        void shouldCreateAConnectionAwaitingCredentialsWithTheNormalisedAddress() {
            String subdomain = "acme-" + UUID.randomUUID().toString().substring(0, 8);
            Response response = create("  Acme support  ", "https://" + subdomain + ".zendesk.com/agent/tickets/5");

            assertThat(response.status()).isEqualTo(201);
            JsonNode connection = response.json().get("connection");
            long id = connection.get("id").asLong();
            assertThat(response.header("Location")).isEqualTo(baseUrl() + "/api/connections/" + id);
            assertThat(connection.get("name").asString()).isEqualTo("Acme support");
            assertThat(connection.get("address").asString()).isEqualTo("https://" + subdomain + ".zendesk.com");
            assertThat(connection.get("zendesk_cloud").asBoolean()).isTrue();
            assertThat(connection.get("state").asString()).isEqualTo("awaiting_credentials");
            assertThat(connection.get("credential_version").asInt()).isZero();
            assertThat(connection.get("auth_type").isNull()).isTrue();
            assertThat(connection.get("credentials_received_at").isNull()).isTrue();
            assertThat(rows("SELECT COUNT(*) AS n FROM connection_credentials WHERE connection_id = " + id)
                            .get(0)
                            .get("n"))
                    .isEqualTo(0L);
        }

        @Test
        void shouldWarnOfAnotherConnectionToTheSameAccount() {
            String subdomain = "dup-" + UUID.randomUUID().toString().substring(0, 8);
            Response first = create("Acme", subdomain);
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.json().get("warnings")).isEmpty();
            long firstId = first.json().at("/connection/id").asLong();

            Response second = create("Acme again", "https://" + subdomain + ".zendesk.com/agent");
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.json().get("warnings").size()).isEqualTo(1);
            assertThat(second.json().get("warnings").get(0).asString())
                    .isEqualTo("Connection " + firstId + " \"Acme\" already syncs https://" + subdomain
                            + ".zendesk.com: both share that account's API rate limit and store the same records;"
                            + " delete one if it was created by mistake");
        }

        @Test
        void shouldAcceptALocalDeskOverHttp() {
            Response response = create("Local desk", "http://localhost:18080/");
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.json().get("connection").get("address").asString())
                    .isEqualTo("http://localhost:18080");
            assertThat(response.json().get("connection").get("zendesk_cloud").asBoolean())
                    .isFalse();
        }

        @Test
        void shouldSayWhatIsWrongWithTheAddress() {
            Response response = create("Junk", "not a url");
            assertThat(response.status()).isEqualTo(422);
            JsonNode body = response.json();
            assertThat(body.get("error").asString()).isEqualTo("RecordInvalid");
            JsonNode problem = body.get("details").get("address").get(0);
            assertThat(problem.get("error").asString()).isEqualTo("InvalidValue");
            assertThat(problem.get("description").asString())
                    .isEqualTo("Address: The Zendesk address contains a space; enter one address: the subdomain "
                            + "(acme), the host (acme.zendesk.com) or the URL (https://acme.zendesk.com)");
        }

        @Test
        void shouldRefuseHttpToAnotherMachine() {
            Response response = create("Plain", "http://acme.zendesk.com");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json()
                            .get("details")
                            .get("address")
                            .get(0)
                            .get("description")
                            .asString())
                    .isEqualTo("Address: http:// is allowed only for a desk on this machine (localhost, 127.0.0.1, "
                            + "[::1]): credentials would cross the network unencrypted; use https://acme.zendesk.com");
        }

        @Test
        void shouldRequireAName() {
            Response response = create("   ", "acme");
            assertThat(response.status()).isEqualTo(422);
            assertThat(nameError(response)).isEqualTo("Name: cannot be blank");
        }

        @Test
        void shouldRefuseANulInTheNameWith422AndStoreNothing() {
            long before = jdbc.sql("SELECT COUNT(*) FROM connections")
                    .query(Long.class)
                    .single();

            Response response = create("Acme\u0000", "acme");

            assertThat(response.status()).isEqualTo(422);
            assertThat(nameError(response)).isEqualTo("Name: contains the control character U+0000 at position 4");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM connections")
                            .query(Long.class)
                            .single())
                    .isEqualTo(before);
        }

        @Test
        void shouldExplainTheEnvelopeWhenItIsMissing() {
            Response response = api.send("POST", "/api/connections", operatorAuth(), "{\"name\":\"Acme\"}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json()
                            .get("details")
                            .get("connection")
                            .get(0)
                            .get("description")
                            .asString())
                    .isEqualTo("Connection: send {\"connection\": {\"name\": .., \"address\": ..}}");
        }

        @Test
        void shouldAuditTheCreationWithTheOperatorAndAddress() {
            long id = create(
                            "Audited", "audited-" + UUID.randomUUID().toString().substring(0, 8))
                    .json()
                    .get("connection")
                    .get("id")
                    .asLong();
            JsonNode entries = api.get("/api/audit?connection_id=" + id, operatorAuth())
                    .json()
                    .get("audit_log");
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).get("event").asString()).isEqualTo("connection.created");
            assertThat(entries.get(0).get("actor_type").asString()).isEqualTo("operator");
            assertThat(entries.get(0).get("actor").asString()).isEqualTo(OPERATOR_EMAIL);
            assertThat(entries.get(0).get("ip_address").asString()).isEqualTo("127.0.0.1");
            assertThat(entries.get(0).get("description").asString())
                    .startsWith("Created the connection Audited to https://audited-");
        }
    }

    @Nested
    class Reading {

        @Test
        void shouldListAndShowConnections() {
            Connection created = newConnection();
            Response list = api.get("/api/connections", operatorAuth());
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json()
                            .get("connections")
                            .valueStream()
                            .map(c -> c.get("id").asLong()))
                    .contains(created.id());

            Response show = api.get("/api/connections/" + created.id(), operatorAuth());
            assertThat(show.status()).isEqualTo(200);
            assertThat(show.json().get("connection").get("name").asString()).isEqualTo(created.name());
        }

        @Test
        void shouldAnswer404ForAnUnknownConnection() {
            Response response = api.get("/api/connections/987654321", operatorAuth());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("error").asString()).isEqualTo("RecordNotFound");
            assertThat(response.json().get("description").asString()).isEqualTo("There is no connection 987654321");
        }

        @Test
        void shouldAnswer400ForANonNumericId() {
            Response response = api.get("/api/connections/abc", operatorAuth());
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("description").asString()).isEqualTo("Parameter 'id' has the wrong type.");
        }

        @Test
        void shouldPageTheAuditLog() {
            Response response = api.get("/api/audit?per_page=1", operatorAuth());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("audit_log")).hasSize(1);
            assertThat(response.json().get("count").asLong()).isPositive();
            assertThat(api.get("/api/audit?per_page=101", operatorAuth())
                            .json()
                            .get("details")
                            .get("per_page")
                            .get(0)
                            .get("description")
                            .asString())
                    .isEqualTo("per_page must be from 1 to 100 (got 101)");
        }
    }
}
