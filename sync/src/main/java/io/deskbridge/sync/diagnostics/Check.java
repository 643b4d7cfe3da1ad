package io.deskbridge.sync.diagnostics;

/**
 * One step of the checklist.
 *
 * @param observed what sync saw (statuses, error texts, values), never a secret
 * @param fix what to do, naming the exact setting; null when nothing needs doing
 */
public record Check(CheckKey key, String title, CheckStatus status, String observed, String fix) {

    static Check of(CheckKey key, CheckStatus status, String observed, String fix) {
        return new Check(key, key.title(), status, observed, fix);
    }

    static Check pass(CheckKey key, String observed) {
        return of(key, CheckStatus.PASS, observed, null);
    }

    static Check skipped(CheckKey key, String why) {
        return of(key, CheckStatus.SKIPPED, "Skipped: " + why, null);
    }
}
