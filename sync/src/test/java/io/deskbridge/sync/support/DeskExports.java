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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * desk's four incremental exports, walked independently of sync's engine (its own HTTP client and
 * paging) by Zendesk's documented protocol: cursor exports from {@code start_time=0}, then {@code
 * after_cursor} until {@code end_of_stream}; time-based exports and ticket events from {@code
 * start_time=end_time} until {@code end_of_stream}. {@link #all()} gives each record's id and the
 * SHA-256 of its JSON, to compare with what sync stored; {@link #requests(int)} counts the pages a
 * page size needs, the fewest any client needs for the data.
 */
public final class DeskExports {

    public static final String TICKETS = "/api/v2/incremental/tickets/cursor.json";
    public static final String USERS = "/api/v2/incremental/users/cursor.json";
    private static final String ORGANIZATIONS = "/api/v2/incremental/organizations.json?";
    private static final String TICKET_EVENTS = "/api/v2/incremental/ticket_events.json?include=comment_events&";
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
        Map<String, Map<Long, String>> all = new LinkedHashMap<>();
        all.put("tickets", hashes(records -> walkCursor(TICKETS, 1000, page -> collect(page.get("tickets"), records))));
        all.put("users", hashes(records -> walkCursor(USERS, 1000, page -> collect(page.get("users"), records))));
        all.put(
                "organizations",
                hashes(records ->
                        walkByTime(ORGANIZATIONS, 1000, page -> collect(page.get("organizations"), records))));
        all.put(
                "ticket_comments",
                hashes(records -> walkByTime(TICKET_EVENTS, 1000, page -> {
                    for (JsonNode event : page.get("ticket_events")) {
                        for (JsonNode child : event.get("child_events")) {
                            if ("Comment".equals(child.path("event_type").asString())) {
                                records.put(child.get("id").asLong(), hash(child));
                            }
                        }
                    }
                })));
        return all;
    }

    /** The records of a cursor export ({@link #TICKETS}, {@link #USERS}) under {@code key}: id → hash. */
    public Map<Long, String> cursor(String path, String key) {
        return hashes(records -> walkCursor(path, 1000, page -> collect(page.get(key), records)));
    }

    /** Stream (as sync names it) → requests needed at {@code perPage} records per page. */
    public Map<String, Integer> requests(int perPage) {
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("tickets", walkCursor(TICKETS, perPage, page -> {}));
        requests.put("users", walkCursor(USERS, perPage, page -> {}));
        requests.put("organizations", walkByTime(ORGANIZATIONS, perPage, page -> {}));
        requests.put("ticket_comments", walkByTime(TICKET_EVENTS, perPage, page -> {}));
        return requests;
    }

    private static Map<Long, String> hashes(Consumer<Map<Long, String>> fill) {
        Map<Long, String> records = new TreeMap<>();
        fill.accept(records);
        return records;
    }

    private static void collect(JsonNode records, Map<Long, String> into) {
        for (JsonNode record : records) {
            into.put(record.get("id").asLong(), hash(record));
        }
    }

    /** Walks a cursor export to its end; returns the requests it took. */
    private int walkCursor(String path, int perPage, Consumer<JsonNode> onPage) {
        int requests = 0;
        String next = path + "?start_time=0&per_page=" + perPage;
        while (true) {
            JsonNode page = get(next);
            requests++;
            onPage.accept(page);
            if (page.get("end_of_stream").asBoolean()) {
                return requests;
            }
            next = path + "?per_page=" + perPage + "&cursor="
                    + page.get("after_cursor").asString();
        }
    }

    /** Walks a time-based export ({@code pathAndQuery} ends in ? or &) to its end; returns the requests. */
    private int walkByTime(String pathAndQuery, int perPage, Consumer<JsonNode> onPage) {
        int requests = 0;
        long start = 0;
        while (true) {
            JsonNode page = get(pathAndQuery + "start_time=" + start + "&per_page=" + perPage);
            requests++;
            onPage.accept(page);
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
