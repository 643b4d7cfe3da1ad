package io.deskbridge.sync.diagnostics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report in the REST API's shape ({@code connection_id, verdict, checked_at, checks[{key, title,
 * status, observed, fix}]}), which is also how the database keeps it.
 */
@Schema(name = "Diagnostics", description = "The outcome of one \"Test connection\" run.")
public record DiagnosticsJson(
        long connectionId,

        @Schema(
                description = "fail when any check failed, else warn when any warned, else pass",
                allowableValues = {"pass", "warn", "fail"})
        String verdict,

        Instant checkedAt,

        @Schema(description = "In checklist order, one per check")
        List<CheckJson> checks) {

    /** The database's copy: the same JSON as the API's, written by a mapper of its own (snake_case). */
    private static final JsonMapper STORAGE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** One check: what sync saw and what to do, never a secret. */
    @Schema(name = "DiagnosticsCheck")
    public record CheckJson(
            @Schema(
                    allowableValues = {
                        "address",
                        "reachable",
                        "credentials",
                        "authentication",
                        "identity",
                        "user",
                        "streams",
                        "rate_limit",
                        "token_lifetime"
                    })
            String key,

            String title,

            @Schema(allowableValues = {"pass", "warn", "fail", "skipped"})
            String status,

            @Schema(description = "What sync saw (statuses, error texts, values)")
            String observed,

            @Schema(
                    description = "What to do, naming the exact setting; null when nothing needs doing",
                    nullable = true)
            String fix) {}

    /** {@code {"diagnostics": {..}}}. */
    public record DiagnosticsBody(DiagnosticsJson diagnostics) {}

    static DiagnosticsJson of(DiagnosticsReport report) {
        return new DiagnosticsJson(
                report.connectionId(),
                report.verdict().wireName(),
                report.checkedAt(),
                report.checks().stream()
                        .map(c -> new CheckJson(
                                c.key().wireName(), c.title(), c.status().wireName(), c.observed(), c.fix()))
                        .toList());
    }

    DiagnosticsReport toReport() {
        return new DiagnosticsReport(
                connectionId,
                CheckStatus.fromWireName(verdict),
                checkedAt,
                checks.stream()
                        .map(c -> new Check(
                                CheckKey.fromWireName(c.key()),
                                c.title(),
                                CheckStatus.fromWireName(c.status()),
                                c.observed(),
                                c.fix()))
                        .toList());
    }

    static String write(DiagnosticsReport report) {
        return STORAGE.writeValueAsString(of(report));
    }

    static DiagnosticsReport read(String text) {
        return STORAGE.readValue(text, DiagnosticsJson.class).toReport();
    }
}
