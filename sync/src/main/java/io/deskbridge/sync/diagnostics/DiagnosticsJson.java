package io.deskbridge.sync.diagnostics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report in the REST API's shape ({@code connection_id, verdict, checked_at, checks[{key, title,
 * status, observed, fix}]}), which is also how the database keeps it.
 */
final class DiagnosticsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DiagnosticsJson() {}

    static Map<String, Object> of(DiagnosticsReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connection_id", report.connectionId());
        json.put("verdict", report.verdict().wireName());
        json.put("checked_at", report.checkedAt().toString());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (Check c : report.checks()) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("key", c.key().wireName());
            check.put("title", c.title());
            check.put("status", c.status().wireName());
            check.put("observed", c.observed());
            check.put("fix", c.fix());
            checks.add(check);
        }
        json.put("checks", checks);
        return json;
    }

    static String write(DiagnosticsReport report) {
        return JSON.writeValueAsString(of(report));
    }

    static DiagnosticsReport read(String text) {
        JsonNode json = JSON.readTree(text);
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : json.path("checks")) {
            checks.add(new Check(
                    CheckKey.fromWireName(c.path("key").asString()),
                    c.path("title").asString(),
                    CheckStatus.fromWireName(c.path("status").asString()),
                    c.path("observed").asString(),
                    c.path("fix").isNull() || c.path("fix").isMissingNode()
                            ? null
                            : c.path("fix").asString()));
        }
        return new DiagnosticsReport(
                json.path("connection_id").asLong(),
                CheckStatus.fromWireName(json.path("verdict").asString()),
                Instant.parse(json.path("checked_at").asString()),
                checks);
    }
}
