package io.deskbridge.desk.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates malformed and hostile requests from a seeded {@link Random}: the same seed gives the same
 * requests in the same order. Every request is one of: a random method on a route with hostile path
 * values, query, headers and body, each part drawn from the lists below.
 */
final class HostileRequests {

    /** One route: its methods as Spring maps them and its path pattern. */
    record Route(String method, String pattern) {}

    /** A generated request: method, raw target, headers, body (null for none) and a label for failures. */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body, String label) {}

    static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "G\u0001T");

    /**
     * Path values that name no record: the only ones a request with the write token gets, so its
     * bodies are read and checked and the write is then refused (404, 400) before anything is stored.
     */
    static final List<String> NO_RECORD = List.of(
            "999999999",
            "99999999999999999999999999",
            "9223372036854775807",
            "-1",
            "0",
            "abc",
            "%ZZ",
            "%00",
            "%ED%A0%80",
            "%27%3B%20DROP%20TABLE%20tickets%3B--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E");

    /** Any path value; only read-only or invalid credentials go with these. */
    static final List<String> PATH_VALUES = List.of(
            "0",
            "-1",
            "999999999",
            "99999999999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            "1e5",
            "0x10",
            "abc",
            "%ZZ",
            "%",
            "%00",
            "%C0%AE%C0%AE",
            "..%2F..%2Fetc%2Fpasswd",
            "1%20OR%201=1",
            "%27%3B%20DROP%20TABLE%20tickets%3B--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%F0%9F%92%A9",
            "%ED%A0%80",
            "%FF%FE",
            "1,2,3",
            "",
            "a".repeat(3000),
            "1.json",
            "null");

    static final List<String> QUERIES = List.of(
            "?%ZZ=1",
            "?a=%",
            "?%=%",
            "?per_page=%FF%FE",
            "?%00=%00",
            "?per_page=99999999999999999999",
            "?per_page=-1",
            "?page=0",
            "?page=99999999999999999999",
            "?page[size]=1e9",
            "?page[after]=%ZZ",
            "?page[after]=not-a-cursor",
            "?page[before]=AAAA",
            "?sort_by=%27%20OR%201=1--&sort_order=sideways",
            "?sort=-%3Cscript%3E",
            "?query=created%3E99999999999999999999hours",
            "?query=created%3C-99999999999999999999minutes",
            "?query=updated%3E2026-99-99",
            "?query=%22unterminated",
            "?query=" + "a%20".repeat(2000),
            "?query=status:%ED%A0%80",
            "?ids=1,2,abc",
            "?ids=" + "1,".repeat(500),
            "?external_ids=%00",
            "?start_time=-1",
            "?start_time=99999999999999999999",
            "?start_time=abc",
            "?cursor=%ZZ",
            "?cursor=" + "A".repeat(5000),
            "?include=users,%ZZ",
            "?filter[created_at][]=a&filter[created_at][]=b",
            "?role[]=admin&role[]=%ZZ",
            "?limit=0",
            "?limit=99999999999",
            "?name=%C0%80",
            "?email=%27%20OR%20%271%27=%271",
            "?a[b][c][d][e]=1",
            "?" + "x=1&".repeat(2000),
            "",
            "?");

    static final List<String> ACCEPTS = List.of(
            "application/json",
            "*/*",
            ";;;",
            "application/",
            "*/*;q=abc",
            "text/html",
            "application/xml",
            "image/png",
            "application/json;q=0",
            "application/json; charset=nope",
            "\u00ff\u00fe",
            "a/b/c",
            "");

    static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "*/*",
            "application/",
            "text/plain",
            "application/json; charset=nope",
            "application/json; charset=UTF-16",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "application/x-www-form-urlencoded",
            "application/xml",
            ";",
            "application/json;;;;",
            "json");

    static final List<String> AUTHORIZATIONS_WITHOUT_TOKEN = List.of(
            "",
            "Basic",
            "Basic ",
            "Basic !!!not-base64!!!",
            "Basic " + b64("no-colon"),
            "Basic " + b64(":"),
            "Basic " + b64("owner@deskbridge.test/token:wrong"),
            "Basic " + b64("owner@deskbridge.test:wrong-password"),
            "Basic " + b64("%ZZ\u0000:\u0000"),
            "Bearer",
            "Bearer garbage",
            "Bearer " + "A".repeat(6000),
            "Digest username=\"x\"",
            "basic " + b64("a:b"));

    static final List<String> STRINGS = List.of(
            "plain",
            "",
            "\u0000",
            "nul\u0000inside",
            "\u0001\u0002\u0007\u001b[31m",
            "\ufeffbom first",
            "\ud800",
            "half \udc00 surrogate",
            "' OR 1=1; DROP TABLE tickets; --",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "\u202e\u200b\u2028\u2029",
            "é".repeat(8000),
            "ж".repeat(30000),
            "<".repeat(13500),
            "x".repeat(70000),
            "{{ticket.id}}",
            "${jndi:ldap://127.0.0.1/a}",
            "%ZZ");

    static final List<String> NUMBERS = List.of(
            "0",
            "-1",
            "1e400",
            "-1e400",
            "99999999999999999999999999999999",
            "9223372036854775808",
            "1.5",
            "NaN",
            "Infinity",
            "0.0000000000000000000000001");

    static final List<String> FIELDS = List.of(
            "id",
            "subject",
            "comment",
            "body",
            "html_body",
            "status",
            "priority",
            "type",
            "tags",
            "requester_id",
            "assignee_id",
            "group_id",
            "organization_id",
            "custom_fields",
            "user_fields",
            "organization_fields",
            "name",
            "email",
            "role",
            "external_id",
            "due_at",
            "collaborator_ids",
            "endpoint",
            "subscriptions",
            "authentication",
            "token",
            "scopes",
            "title",
            "conditions",
            "actions",
            "value",
            "safe_update",
            "updated_stamp");

    static final List<String> ENVELOPES = List.of(
            "ticket",
            "tickets",
            "user",
            "users",
            "organization",
            "group",
            "webhook",
            "token",
            "client",
            "ticket_field",
            "user_field",
            "organization_field",
            "ticket_form",
            "brand",
            "trigger",
            "automation",
            "view",
            "macro",
            "schedule",
            "settings",
            "tags",
            "group_membership",
            "organization_membership",
            "custom_role",
            "plan");

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private final Random random;
    private final List<Route> routes;
    private final String readToken;
    private final String writeToken;

    HostileRequests(long seed, List<Route> routes, String readToken, String writeToken) {
        this.random = new Random(seed);
        this.routes = routes;
        this.readToken = readToken;
        this.writeToken = writeToken;
    }

    Request next() {
        Route route = pick(routes);
        String method = random.nextInt(3) == 0 ? pick(METHODS) : route.method();
        boolean reads = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        boolean namesARecord = route.pattern().contains("{");
        String auth;
        String path;
        if (random.nextInt(10) < 3 && (reads || namesARecord)) {
            auth = writeToken;
            path = fill(route.pattern(), NO_RECORD);
        } else {
            auth = random.nextInt(10) < 4 ? readToken : pick(AUTHORIZATIONS_WITHOUT_TOKEN);
            path = fill(route.pattern(), PATH_VALUES);
        }
        if (random.nextInt(8) == 0) {
            path = path + ".json";
        }
        String query = random.nextInt(3) == 0 ? "" : pick(QUERIES);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (!auth.isEmpty()) {
            headers.add(Map.entry("Authorization", auth));
        }
        if (random.nextInt(3) > 0) {
            headers.add(Map.entry("Accept", pick(ACCEPTS)));
        }
        headers.addAll(oddHeaders());
        byte[] body = null;
        if (random.nextInt(4) > 0) {
            body = body();
            headers.add(Map.entry("Content-Type", random.nextInt(3) == 0 ? pick(CONTENT_TYPES) : "application/json"));
        }
        return new Request(
                method,
                path + query,
                headers,
                body,
                method + " " + route.pattern() + " auth=" + authLabel(auth) + " body="
                        + (body == null ? "none" : body.length + "B"));
    }

    private String authLabel(String auth) {
        if (auth.equals(readToken)) {
            return "read-token";
        }
        if (auth.equals(writeToken)) {
            return "write-token";
        }
        return auth.isEmpty() ? "none" : "bad(" + Math.min(auth.length(), 40) + ")";
    }

    private String fill(String pattern, List<String> values) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(pick(values)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private List<Map.Entry<String, String>> oddHeaders() {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        switch (random.nextInt(12)) {
            case 0 -> headers.add(Map.entry("X-Huge", "h".repeat(6000)));
            case 1 -> headers.add(Map.entry("X-Control", "a\u0001b\u007f"));
            case 2 -> headers.add(Map.entry("Accept-Charset", "nope"));
            case 3 -> headers.add(Map.entry("If-None-Match", "\"%ZZ\""));
            case 4 -> headers.add(Map.entry("Idempotency-Key", "k".repeat(300)));
            case 5 -> headers.add(Map.entry("X-Forwarded-For", "not-an-address, ::::"));
            case 6 -> headers.add(Map.entry("Accept-Language", "%ZZ;q=x"));
            case 7 -> headers.add(Map.entry("Origin", "null"));
            case 8 -> headers.add(Map.entry("Cookie", "SESSION=%ZZ; XSRF-TOKEN=\u00ff"));
            case 9 -> headers.add(Map.entry("Range", "bytes=99999999999999999999-"));
            default -> {}
        }
        return headers;
    }

    /** Huge bodies are rare (about 1 in 50 each): they cost the most time and find the least. */
    private byte[] body() {
        return switch (random.nextInt(100)) {
            case 0, 1 -> nested(10_000);
            case 2, 3 -> bytes("{\"ticket\":{\"comment\":{\"body\":\"" + "x".repeat(1_500_000) + "\"}}}");
            case 4, 5 -> bytes("{\"a\":1,\"a\":2,\"" + "k".repeat(70_000) + "\":1}");
            case 6, 7, 8, 9, 10, 11, 12, 13 -> nested(600);
            case 14, 15, 16, 17, 18, 19, 20, 21 -> new byte[] {(byte) 0xff, (byte) 0xfe, '{', 0, '}'};
            case 22, 23, 24, 25, 26, 27, 28, 29 -> bytes("\ufeff" + resourceBody());
            case 30, 31, 32, 33, 34, 35, 36, 37 ->
                bytes("{\"ticket\":{\"comment\":{\"body\":\"" + "\\ud800".repeat(50) + "\"}}}");
            case 38, 39, 40, 41, 42, 43, 44, 45 ->
                bytes(pick(List.of("", "null", "[]", "\"text\"", "42", "{}", "{\"\":{}}", "[[[[]]]]")));
            case 46, 47, 48, 49, 50, 51, 52, 53 -> bytes(wrapInEnvelope("{" + fields(60) + "}"));
            default -> random.nextInt(4) == 0 ? truncated(resourceBody()) : bytes(resourceBody());
        };
    }

    private String resourceBody() {
        return wrapInEnvelope("{" + fields(1 + random.nextInt(4)) + "}");
    }

    private String wrapInEnvelope(String object) {
        return "{\"" + pick(ENVELOPES) + "\":" + object + "}";
    }

    private String fields(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(pick(FIELDS)).append("\":").append(value(0));
        }
        return out.toString();
    }

    /** A value of a random JSON type: the wrong type for most fields. */
    private String value(int depth) {
        return switch (random.nextInt(depth > 2 ? 4 : 7)) {
            case 0 -> pick(NUMBERS);
            case 1 -> jsonString(pick(STRINGS));
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> jsonString("x".repeat(random.nextInt(300)));
            case 4 -> "[" + value(depth + 1) + "," + value(depth + 1) + "]";
            case 5 -> "{\"" + pick(FIELDS) + "\":" + value(depth + 1) + "}";
            default -> "[" + ("\"t\",".repeat(random.nextInt(20) == 0 ? 20_000 : 5)) + "\"t\"]";
        };
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private byte[] truncated(String json) {
        byte[] all = bytes(json);
        return java.util.Arrays.copyOf(all, Math.max(1, random.nextInt(all.length)));
    }

    private static byte[] nested(int depth) {
        return bytes("{\"ticket\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
