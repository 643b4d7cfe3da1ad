package io.deskbridge.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One desk as a test's Zendesk: where it is, whom to call it as, and its test-double controls (the
 * {@code /_desk/} API, called with the test-double key). Handed to tests by {@link DeskbridgeTest}.
 */
public final class Deskbridge {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY_HEADER = "X-Desk-Test-Double-Key";

    private final String baseUrl;
    private final String adminEmail;
    private final String apiToken;
    private final String key;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Deskbridge(String baseUrl, String adminEmail, String apiToken, String key) {
        this.baseUrl = baseUrl;
        this.adminEmail = adminEmail;
        this.apiToken = apiToken;
        this.key = key;
    }

    /** Like {@code https://yoursubdomain.zendesk.com}: give it to the client under test. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The account owner (an admin). */
    public String adminEmail() {
        return adminEmail;
    }

    /** A full-access API token of the owner ({@code email/token:value}); it survives resets. */
    public String apiToken() {
        return apiToken;
    }

    /** Back to a fresh account (the owner, the API settings and this token stay). */
    public void reset() {
        call("POST", "/_desk/reset", null, 200);
    }

    /** Loads fixture JSON (see {@link DeskFixture}) through desk's own write paths. */
    public void loadFixture(String json) {
        call("POST", "/_desk/fixtures", json, 201);
    }

    /** Loads a class-path resource holding fixture JSON. */
    public void loadFixtureResource(String resource) {
        loadFixture(resource(resource));
    }

    /** Adds {@code count} generated tickets (the same ones for the same count, from a fixed seed). */
    public void generateTickets(int count) {
        loadFixture("{\"generate_tickets\":" + count + "}");
    }

    /** Saves the account as {@code name} (lower-case letters, digits, single underscores). */
    public void saveSnapshot(String name) {
        call("PUT", "/_desk/snapshots/" + name, null, 200);
    }

    public void restoreSnapshot(String name) {
        call("POST", "/_desk/snapshots/" + name + "/restore", null, 200);
    }

    /** True when a snapshot of that name exists. */
    public boolean hasSnapshot(String name) {
        for (JsonNode saved : call("GET", "/_desk/snapshots", null, 200).get("snapshots")) {
            if (saved.asString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** From now on, the next {@code fault.times()} requests matching it fail as it says. */
    public void inject(Fault fault) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", fault.method());
        body.put("path", fault.path());
        body.put("status", fault.status());
        body.put("retry_after", fault.retryAfter());
        body.put("delay_ms", fault.delayMs());
        body.put("times", fault.times());
        call("POST", "/_desk/faults", JSON.writeValueAsString(Map.of("fault", body)), 201);
    }

    /** How many requests desk answered with an injected fault since faults were last cleared. */
    public int injectedFaults() {
        return call("GET", "/_desk/faults", null, 200).get("injected").size();
    }

    public void clearFaults() {
        call("DELETE", "/_desk/faults", null, 204);
    }

    /** desk's clock: the system clock plus however far {@link #advanceClock} has moved it. */
    public Instant now() {
        return Instant.parse(
                call("GET", "/_desk/clock", null, 200).get("clock").get("now").asString());
    }

    /**
     * Moves desk's clock forward (never back), so the code under test meets a token's expiry, the next
     * rate-limit window or an automation's hour without waiting. It stays moved for the tests after
     * (a reset empties the account, not the clock): compare times with {@link #now}, not the system's.
     */
    public void advanceClock(Duration by) {
        call("POST", "/_desk/clock/advance", "{\"advance_ms\":" + by.toMillis() + "}", 200);
    }

    private JsonNode call(String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMinutes(5))
                .header(KEY_HEADER, key)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("desk at " + baseUrl + " did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling desk", e);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + baseUrl + path + " answered " + response.statusCode()
                    + " (expected " + expected + "): " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static String resource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No class-path resource " + path + " (a @DeskFixture)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
