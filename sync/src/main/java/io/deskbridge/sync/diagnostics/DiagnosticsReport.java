package io.deskbridge.sync.diagnostics;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one "Test connection" run.
 *
 * @param verdict {@code fail} when any check failed, else {@code warn} when any warned, else {@code pass}
 * @param checks in checklist order, one per {@link CheckKey}
 */
public record DiagnosticsReport(long connectionId, CheckStatus verdict, Instant checkedAt, List<Check> checks) {

    public DiagnosticsReport {
        checks = List.copyOf(checks);
    }

    static CheckStatus verdictOf(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.status() == CheckStatus.FAIL)) {
            return CheckStatus.FAIL;
        }
        if (checks.stream().anyMatch(c -> c.status() == CheckStatus.WARN)) {
            return CheckStatus.WARN;
        }
        return CheckStatus.PASS;
    }

    /** The check with this key. */
    public Check check(CheckKey key) {
        return checks.stream()
                .filter(c -> c.key() == key)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The report has no check " + key.wireName()));
    }
}
