package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SSRF protection on desk's defaults ({@code desk.webhooks.allow-private-targets} off): endpoints
 * that resolve to private, loopback, link-local or metadata addresses are refused with 422 naming
 * the rule, on create, update and test.
 */
class WebhookEndpointPolicyIntegrationTests extends DeskIntegrationTest {

    private String auth;

    @BeforeEach
    void ownerToken() {
        auth = ownerAuth();
    }

    @AfterEach
    void dropWebhooks() {
        jdbc.sql("DELETE FROM webhooks").update();
    }

    private Response create(String endpoint) {
        return api.send(
                "POST",
                "/api/v2/webhooks",
                auth,
                DeskClient.json(Map.of(
                        "webhook",
                        Map.of(
                                "name",
                                "Target",
                                "endpoint",
                                endpoint,
                                "subscriptions",
                                List.of("zen:event-type:ticket.created")))));
    }

    private static String endpointProblem(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().path("error").asString()).isEqualTo("RecordInvalid");
        return response.json()
                .path("details")
                .path("endpoint")
                .get(0)
                .path("description")
                .asString();
    }

    @Test
    void shouldRefuseLoopbackUnlessPrivateTargetsAreAllowed() {
        assertThat(endpointProblem(create("http://127.0.0.1:8080/hook")))
                .isEqualTo("Endpoint: host 127.0.0.1 resolves to 127.0.0.1, a loopback or private-network address;"
                        + " allowed only when desk.webhooks.allow-private-targets is true");
        assertThat(endpointProblem(create("http://localhost:8080/hook")))
                .startsWith("Endpoint: host localhost resolves to ")
                .endsWith(", a loopback or private-network address; allowed only when"
                        + " desk.webhooks.allow-private-targets is true");
        assertThat(endpointProblem(create("http://10.0.0.8/hook"))).contains("a loopback or private-network address");
    }

    @Test
    void shouldRefuseTheMetadataServiceByAddressAndByName() {
        assertThat(endpointProblem(create("http://169.254.169.254/latest/meta-data/")))
                .isEqualTo("Endpoint: host 169.254.169.254 resolves to 169.254.169.254, a link-local or cloud metadata"
                        + " address; webhooks never call those");
        assertThat(endpointProblem(create("http://metadata.google.internal/computeMetadata/v1/")))
                .isEqualTo("Endpoint: host metadata.google.internal is a cloud metadata service; webhooks never call"
                        + " those");
        assertThat(endpointProblem(create("http://[fe80::1]/"))).contains("a link-local or cloud metadata address");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhooks").query(Long.class).single())
                .isZero();
    }

    @Test
    void shouldRefuseMovingAnEndpointToAForbiddenAddress() {
        Response created = create("http://8.8.8.8/hook");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("webhook").path("id").asString();

        Response moved = api.send(
                "PUT",
                "/api/v2/webhooks/" + id,
                auth,
                DeskClient.json(Map.of("webhook", Map.of("endpoint", "http://169.254.169.254/"))));

        assertThat(endpointProblem(moved)).contains("a link-local or cloud metadata address");
        assertThat(api.get("/api/v2/webhooks/" + id, auth)
                        .json()
                        .path("webhook")
                        .path("endpoint")
                        .asString())
                .isEqualTo("http://8.8.8.8/hook");
    }

    @Test
    void shouldRefuseTestingAForbiddenEndpoint() {
        Response response = api.send(
                "POST",
                "/api/v2/webhooks/test",
                auth,
                DeskClient.json(Map.of("request", Map.of("endpoint", "http://127.0.0.1:1/"))));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json()
                        .path("details")
                        .path("request.endpoint")
                        .get(0)
                        .path("description")
                        .asString())
                .isEqualTo("Request.endpoint: host 127.0.0.1 resolves to 127.0.0.1, a loopback or private-network"
                        + " address; allowed only when desk.webhooks.allow-private-targets is true");
    }

    @Test
    void shouldShowTheSettingInAdminCenter() {
        DeskClient browser = DeskClient.withCookies(baseUrl());
        browser.signIn(OWNER_EMAIL, OWNER_PASSWORD);
        String page = browser.get("/admin/apps-integrations/webhooks", null).body();
        assertThat(page).contains("<strong>refused</strong>").contains("desk.webhooks.allow-private-targets");
    }
}
