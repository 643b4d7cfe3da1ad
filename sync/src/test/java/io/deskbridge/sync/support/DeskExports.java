package io.deskbridge.sync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What desk's incremental exports serve right now, walked independently of sync's engine (its own
 * HTTP client and paging): per stream, each record's id and the SHA-256 of its JSON. The tests
 * compare this with what sync stored.
 */
public final class DeskExports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DeskExports(String baseUrl, String email, String token) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
    }

    /** Stream name (as sync names it) → id → hash of the record's JSON. */
    public Map<String, Map<Long, String>> all() {
        return Map.of(
                "tickets", cursor("/api/v2/incremental/tickets/cursor.json", "tickets"),
                "users", cursor("/api/v2/incremental/users/cursor.json", "users"),
                "organizations", organizations(),
                "ticket_comments", comments());
    }

    public Map<Long, String> cursor(String path, String key) {
        Map<Long, String> records = new TreeMap<>();
        String next = path + "?start_time=0&per_page=1000";
        while (true) {
            JsonNode page = get(next);
            for (JsonNode record : page.get(key)) {
                records.put(record.get("id").asLong(), hash(record));
            }
            if (page.get("end_of_stream").asBoolean()) {
                return records;
            }
            next = path + "?per_page=1000&cursor=" + page.get("after_cursor").asString();
        }
    }

    public Map<Long, String> organizations() {
        Map<Long, String> records = new TreeMap<>();
        long start = 0;
        while (true) {
            JsonNode page = get("/api/v2/incremental/organizations.json?start_time=" + start);
            for (JsonNode record : page.get("organizations")) {
                records.put(record.get("id").asLong(), hash(record));
            }
            if (page.get("end_of_stream").asBoolean()) {
                return records;
            }
            start = page.get("end_time").asLong();
        }
    }

    public Map<Long, String> comments() {
        Map<Long, String> records = new TreeMap<>();
        long start = 0;
        while (true) {
            JsonNode page = get("/api/v2/incremental/ticket_events.json?include=comment_events&start_time=" + start);
            for (JsonNode event : page.get("ticket_events")) {
                for (JsonNode child : event.get("child_events")) {
                    if ("Comment".equals(child.path("event_type").asString())) {
                        records.put(child.get("id").asLong(), hash(child));
                    }
                }
            }
            if (page.get("end_of_stream").asBoolean()) {
                return records;
            }
            start = page.get("end_time").asLong();
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Authorization", authorization)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                SecretLedger.errorBody(response.body());
                throw new IllegalStateException(
                        "desk answered " + response.statusCode() + " to " + path + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the JSON as Jackson writes the parsed tree (field order as sent). */
    public static String hash(JsonNode record) {
        return sha256(JSON.writeValueAsString(record));
    }

    public static String hash(String json) {
        return hash(JSON.readTree(json));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
