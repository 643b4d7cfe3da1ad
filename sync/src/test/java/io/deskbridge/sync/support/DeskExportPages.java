package io.deskbridge.sync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many export requests it takes to read each of desk's four exports from the beginning with a
 * given page size, walked by Zendesk's documented protocol (cursor exports: {@code start_time=0},
 * then {@code after_cursor} until {@code end_of_stream}; time-based exports and ticket events:
 * {@code start_time=end_time} until {@code end_of_stream}). That is the fewest requests any client
 * needs for the data at that page size, independent of sync's engine.
 */
public final class DeskExportPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DeskExportPages(String baseUrl, String email, String token) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((email + "/token:" + token).getBytes(StandardCharsets.UTF_8));
    }

    /** Stream (as sync names it) → requests needed at {@code perPage} records per page. */
    public Map<String, Integer> requests(int perPage) {
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("tickets", cursor("/api/v2/incremental/tickets/cursor.json", perPage));
        requests.put("users", cursor("/api/v2/incremental/users/cursor.json", perPage));
        requests.put("organizations", byTime("/api/v2/incremental/organizations.json?", perPage));
        requests.put(
                "ticket_comments", byTime("/api/v2/incremental/ticket_events.json?include=comment_events&", perPage));
        return requests;
    }

    private int cursor(String path, int perPage) {
        int requests = 0;
        String next = path + "?start_time=0&per_page=" + perPage;
        while (true) {
            JsonNode page = get(next);
            requests++;
            if (page.get("end_of_stream").asBoolean()) {
                return requests;
            }
            next = path + "?per_page=" + perPage + "&cursor="
                    + page.get("after_cursor").asString();
        }
    }

    private int byTime(String pathAndQuery, int perPage) {
        int requests = 0;
        long start = 0;
        while (true) {
            JsonNode page = get(pathAndQuery + "start_time=" + start + "&per_page=" + perPage);
            requests++;
            if (page.get("end_of_stream").asBoolean()) {
                return requests;
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
}
