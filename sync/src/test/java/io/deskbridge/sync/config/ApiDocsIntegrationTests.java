package io.deskbridge.sync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document and Swagger UI: public, describing operations that stay behind HTTP Basic. */
class ApiDocsIntegrationTests extends SyncIntegrationTest {

    private static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";

    @Test
    void shouldServeTheOpenApiDocumentWithoutSigningIn() {
        Response docs = api.get("/api/docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Type")).startsWith("application/json");
        JsonNode json = docs.json();
        assertThat(json.get("openapi").asString()).startsWith("3.");
        assertThat(json.get("info").get("title").asString()).isEqualTo("Deskbridge sync API");
        assertThat(json.get("info").get("description").asString())
                .contains("Every operation needs HTTP Basic with a sync operator's email and password");
        JsonNode paths = json.get("paths");
        assertThat(paths.has("/api/connections")).isTrue();
        assertThat(paths.get("/api/connections").has("get")).isTrue();
        assertThat(paths.get("/api/connections").has("post")).isTrue();
        assertThat(paths.get("/api/connections/{id}/request-links").has("post")).isTrue();
        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/"));
    }

    /** One operation of the document: its method and path, and its JSON. */
    record Op(String method, String path, JsonNode json) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private static List<Op> operations(JsonNode docs) {
        List<Op> ops = new ArrayList<>();
        for (var path : docs.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                ops.add(new Op(op.getKey(), path.getKey(), op.getValue()));
            }
        }
        return ops;
    }

    @Nested
    class Operations {

        private final JsonNode docs = api.get("/api/docs").json();

        @Test
        void shouldDocumentAllThirtyFourOperations() {
            // 18 of the operator API, ticket context, requester history and search (context), the
            // automation rules' list, create, show, update, delete, dry run and history, and the hint
            // secret's show, store and remove (the hint endpoint itself is outside /api: not listed), and
            // the OAuth migration's list, show and switch.
            assertThat(operations(docs)).hasSize(34);
        }

        @Test
        void shouldGiveEveryOperationASummaryAndACapabilityTag() {
            Set<String> tags = Set.of(
                    "Connections",
                    "Request links",
                    "Diagnostics",
                    "Sync runs",
                    "Synced data",
                    "Audit",
                    "Ticket context",
                    "Automation rules",
                    "Webhook hints",
                    "OAuth migration");
            assertThat(operations(docs)).allSatisfy(op -> {
                assertThat(op.json().path("summary").asString(""))
                        .as(op + " summary")
                        .isNotBlank();
                assertThat(op.json().get("tags")).as(op + " tags").hasSize(1);
                assertThat(op.json().get("tags").get(0).asString())
                        .as(op + " tag")
                        .isIn(tags);
            });
            assertThat(docs.get("tags").valueStream().map(t -> t.get("name").asString()))
                    .containsExactlyInAnyOrderElementsOf(tags);
        }

        @Test
        void shouldGiveEverySuccessAJsonSchema() {
            assertThat(operations(docs)).allSatisfy(op -> {
                List<String> successes = op.json().get("responses").propertyNames().stream()
                        .filter(code -> code.startsWith("2"))
                        .toList();
                assertThat(successes).as(op + " success statuses").hasSize(1);
                JsonNode schema = op.json()
                        .get("responses")
                        .get(successes.get(0))
                        .path("content")
                        .path("application/json")
                        .path("schema");
                assertThat(schema.path("$ref").asString(""))
                        .as(op + " " + successes.get(0) + " schema")
                        .startsWith("#/components/schemas/");
                String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
                assertThat(docs.get("components").get("schemas").get(name).get("properties"))
                        .as(name)
                        .isNotEmpty();
            });
        }

        @Test
        void shouldDeclareTheStatusesTheApiReallyAnswers() {
            Map<String, String> expected = Map.of(
                    "POST /api/connections", "201",
                    "POST /api/connections/{id}/request-links", "201",
                    "POST /api/connections/{id}/syncs", "202",
                    "POST /api/connections/{id}/rules", "201");
            assertThat(operations(docs)).allSatisfy(op -> {
                String success = expected.getOrDefault(op.toString(), "200");
                assertThat(op.json().get("responses").has(success))
                        .as(op + " answers " + success)
                        .isTrue();
                assertThat(op.json().get("responses").has("401"))
                        .as(op + " 401")
                        .isTrue();
            });
            assertThat(operations(docs).stream()
                            .filter(op -> expected.containsKey(op.toString()))
                            .map(op -> op.json().get("responses").has("200")))
                    .containsOnly(false);
            assertThat(docs.at("/paths/~1api~1connections~1{id}/get/responses/404")
                            .isMissingNode())
                    .isFalse();
            assertThat(docs.at("/paths/~1api~1connections/post/responses/422").isMissingNode())
                    .isFalse();
        }

        @Test
        void shouldDescribeEveryErrorWithTheErrorSchema() {
            assertThat(operations(docs))
                    .allSatisfy(op -> op.json().get("responses").properties().forEach(response -> {
                        if (!response.getKey().startsWith("2")) {
                            assertThat(response.getValue()
                                            .at("/content/application~1json/schema/$ref")
                                            .asString(""))
                                    .as(op + " " + response.getKey())
                                    .isEqualTo("#/components/schemas/Error");
                        }
                    }));
            assertThat(docs.at("/components/schemas/Error/properties").propertyNames())
                    .containsExactly("error", "description", "details");
        }

        @Test
        void shouldNameSchemaPropertiesAsTheWireDoes() {
            assertThat(docs.at("/components/schemas/Connection/properties").propertyNames())
                    .containsExactly(
                            "id",
                            "name",
                            "address",
                            "zendesk_cloud",
                            "state",
                            "credential_version",
                            "auth_type",
                            "auth_identity",
                            "credentials_received_at",
                            "created_at",
                            "updated_at");
            assertThat(docs.at("/components/schemas/SyncedTicketsPage/properties/tickets/items/type")
                            .asString())
                    .isEqualTo("object");
        }

        @Test
        void shouldCarryNoStrayLicense() {
            assertThat(docs.get("info").has("license")).isFalse();
        }
    }

    @Test
    void shouldDeclareHttpBasicForEveryOperation() {
        JsonNode json = api.get("/api/docs").json();

        JsonNode scheme = json.get("components").get("securitySchemes").get("operatorBasic");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("basic");
        assertThat(json.get("security").get(0).has("operatorBasic")).isTrue();
    }

    @Test
    void shouldKeepTheOperationsBehindHttpBasic() {
        assertThat(api.get("/api/connections").status()).isEqualTo(401);
        assertThat(api.send("POST", "/api/connections/1/request-links", null, null)
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/api/connections", operatorAuth()).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerOnlyGetOnTheDocsPaths() {
        assertThat(api.send("POST", "/api/docs", null, "{}").status()).isEqualTo(403);
    }

    @Test
    void shouldServeSwaggerUiUnderItsOwnCsp() {
        Response ui = api.get("/api/docs/ui");
        assertThat(ui.status()).isEqualTo(302);
        assertThat(ui.header("Location")).isEqualTo("/api/docs/swagger-ui/index.html");

        Response page = api.get("/api/docs/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).isEqualTo(DOCS_CSP);
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        // No inline script, so script-src 'self' suffices: every script is a file from this origin.
        assertThat(page.body())
                .contains("<script src=\"./swagger-ui-bundle.js\"")
                .contains("<script src=\"./swagger-initializer.js\"")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        for (String asset : new String[] {"swagger-ui-bundle.js", "swagger-initializer.js", "swagger-ui.css"}) {
            assertThat(api.get("/api/docs/swagger-ui/" + asset).status())
                    .as(asset)
                    .isEqualTo(200);
        }
        JsonNode config = api.get("/api/docs/swagger-config").json();
        assertThat(config.get("url").asString()).isEqualTo("/api/docs");
    }

    @Test
    void shouldKeepTheWebPagesStrictCsp() {
        Response login = api.get("/login");

        // Only sync's own script files (console.js): no inline script, no eval.
        assertThat(login.header("Content-Security-Policy"))
                .contains("script-src 'self';")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
    }
}
