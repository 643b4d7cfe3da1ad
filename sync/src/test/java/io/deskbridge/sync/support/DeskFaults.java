package io.deskbridge.sync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * desk's fault injection ({@code /_desk/faults}, issue 15) for sync's resilience tests: the next
 * requests matching a path answer 429 with {@code Retry-After}, or 500/502/503, in Zendesk's format,
 * so a test needs no proxy of its own in front of desk to prove sync's retries.
 */
public final class DeskFaults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String key;
    private final HttpClient http = HttpClient.newHttpClient();

    DeskFaults(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** The next {@code times} {@code method} requests to paths matching {@code path} answer {@code status}. */
    public void inject(String method, String path, int status, int times) {
        send(
                "POST",
                String.format(
                        "{\"fault\":{\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,\"retry_after\":1,\"times\":%d}}",
                        method, path, status, times),
                201);
    }

    /** Every request answered with a fault since the last {@link #clear}, oldest first. */
    public JsonNode injected() {
        return send("GET", null, 200).get("injected");
    }

    public void clear() {
        send("DELETE", null, 204);
    }

    private JsonNode send(String method, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/_desk/faults"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Desk-Test-Double-Key", key)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(
                        method + " /_desk/faults answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
