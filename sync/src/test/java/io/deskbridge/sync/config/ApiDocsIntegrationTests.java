package io.deskbridge.sync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
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

        assertThat(login.header("Content-Security-Policy")).contains("script-src 'none'");
    }
}
