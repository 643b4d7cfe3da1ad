package io.deskbridge.sync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.RawHttp;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * sync's API under malformed requests: every route (from Spring's request mappings) × every hostile
 * variant below, anonymous and as the operator — the operator only with ids that name nothing, so
 * writes are read and refused. No answer may be 5xx and no table may change. Wrong passwords are
 * left out on purpose: a failed sign-in is audited and throttled by design (a state change), and
 * the sign-in tests cover it. desk's suite (desk/.../hostile) is the large generated one.
 */
class HostileInputIntegrationTests extends SyncIntegrationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private static final List<String> NO_RECORD =
            List.of("999999999", "00000000-0000-0000-0000-000000000000", "abc", "%ZZ", "%00", "-1", "%ED%A0%80");

    private static final List<String> QUERIES = List.of(
            "", "?%ZZ=1", "?a=%", "?%00=%00", "?limit=99999999999999999999", "?page=-1", "?q=%ED%A0%80", "?cursor=%ZZ");

    private static final List<String> ACCEPTS =
            List.of(";;;", "application/", "*/*;q=abc", "text/html", "a/b/c", "application/json; charset=nope");

    private static final List<String> CONTENT_TYPES = List.of(
            "*/*",
            "application/",
            "application/json; charset=nope",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/json");

    private static final List<String> BODIES = List.of(
            "{\"name\":",
            "{\"name\":\"nul\\u0000\",\"subdomain\":\"\\ud800\"}",
            "[".repeat(5000),
            "{\"name\":" + "1".repeat(400) + "}",
            "%ZZ=1",
            "\ufeff{}",
            "{\"name\":\"" + "x".repeat(200_000) + "\"}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void shouldAnswerHostileRequestsOnEveryRouteWithoutServerErrorOrStateChange() {
        RawHttp raw = new RawHttp(port);
        List<String[]> routes = apiRoutes();
        assertThat(routes).as("sync API routes").hasSizeGreaterThan(10);
        Map<String, String> before = fingerprint();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        int sent = 0;
        for (String[] route : routes) {
            String method = route[0];
            for (String auth : List.of("", operatorAuth())) {
                boolean mayWrite = !auth.isEmpty() && !method.equals("GET");
                if (mayWrite && !route[1].contains("{")) {
                    continue;
                }
                int variant = 0;
                for (String id : NO_RECORD) {
                    for (String query : QUERIES) {
                        String accept = ACCEPTS.get(variant % ACCEPTS.size());
                        String contentType = CONTENT_TYPES.get(variant % CONTENT_TYPES.size());
                        String body = BODIES.get(variant % BODIES.size());
                        variant++;
                        List<Map.Entry<String, String>> headers = new ArrayList<>();
                        if (!auth.isEmpty()) {
                            headers.add(Map.entry("Authorization", auth));
                        }
                        headers.add(Map.entry("Accept", accept));
                        byte[] bytes = null;
                        if (!method.equals("GET")) {
                            headers.add(Map.entry("Content-Type", contentType));
                            bytes = body.getBytes(StandardCharsets.UTF_8);
                        }
                        String target = fill(route[1], id) + query;
                        RawHttp.Answer answer = raw.send(method, target, headers, bytes);
                        sent++;
                        statuses.merge(answer.status(), 1, Integer::sum);
                        if (answer.status() >= 500 || answer.status() < 100) {
                            serverErrors.add(answer.status() + " " + method + " " + target + " accept=" + accept
                                    + " type=" + contentType + " auth=" + !auth.isEmpty() + " " + answer.body());
                        }
                    }
                }
            }
        }
        Map<String, String> after = fingerprint();
        System.out.println("HOSTILE-INPUT: sync routes=" + routes.size() + " requests=" + sent + " statuses=" + statuses
                + " 5xx=" + serverErrors.size() + " state-changes=" + (before.equals(after) ? 0 : 1)
                + " database="
                + System.getProperty("sync.test.database", System.getProperty("desk.test.database", "h2")));
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(after)
                .as("tables after the hostile requests (before: " + before + ")")
                .isEqualTo(before);
    }

    private List<String[]> apiRoutes() {
        TreeSet<String[]> routes =
                new TreeSet<>(Comparator.<String[], String>comparing(r -> r[1]).thenComparing(r -> r[0]));
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> routes.add(new String[] {m.name(), pattern}));
                }
            }
        });
        return List.copyOf(routes);
    }

    private static String fill(String pattern, String value) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Row count and contents of every table but the scheduler's, as text, by table. */
    private Map<String, String> fingerprint() {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')
                """).query(String.class).list();
        Map<String, String> result = new TreeMap<>();
        for (String table : tables) {
            // db-scheduler's own bookkeeping (heartbeats, next execution times) moves by itself.
            if (table.equalsIgnoreCase("scheduled_tasks")) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            jdbc.sql("SELECT * FROM \"" + table + "\"")
                    .query()
                    .listOfRows()
                    .forEach(row -> rows.add(new TreeMap<>(row)
                            .entrySet().stream()
                                    .map(e -> e.getKey() + "="
                                            + (e.getValue() instanceof byte[] b
                                                    ? java.util.HexFormat.of().formatHex(b)
                                                    : String.valueOf(e.getValue())))
                                    .toList()
                                    .toString()));
            rows.sort(null);
            result.put(table.toLowerCase(java.util.Locale.ROOT), rows.size() + " rows, hash " + rows.hashCode());
        }
        return result;
    }
}
