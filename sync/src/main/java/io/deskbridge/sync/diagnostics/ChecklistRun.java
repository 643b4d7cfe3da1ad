package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.RateLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One checklist run's state, shared by its steps in order: the subject, the checks so far, the
 * requests sent and the newest rate-limit windows they reported, and the user authentication found.
 */
final class ChecklistRun {

    private final Subject subject;
    private final Exchange exchange;
    private final Instant now;
    private final List<Check> checks = new ArrayList<>();
    private int requests;
    private RateLimits.Window account;
    private RateLimits.Window exports;
    private JsonNode user;

    ChecklistRun(Subject subject, Exchange exchange, Instant now) {
        this.subject = subject;
        this.exchange = exchange;
        this.now = now;
    }

    Subject subject() {
        return subject;
    }

    Instant now() {
        return now;
    }

    /** One GET, counted; an answer with the account's X-Rate-Limit headers becomes the newest window. */
    Answer get(AuthStyle style, String path) {
        requests++;
        Answer answer = exchange.get(style, path);
        if (answer.answered() && answer.response().rateLimits().account() != null) {
            account = answer.response().rateLimits().account();
        }
        return answer;
    }

    Check add(Check check) {
        checks.add(check);
        return check;
    }

    List<Check> checks() {
        return checks;
    }

    /** The status of the check with this key so far; null when it has not run. */
    CheckStatus status(CheckKey key) {
        return checks.stream()
                .filter(c -> c.key() == key)
                .map(Check::status)
                .findFirst()
                .orElse(null);
    }

    int requests() {
        return requests;
    }

    /** The account's window from the newest answer that carried one; null before. */
    RateLimits.Window account() {
        return account;
    }

    /** The incremental exports' window from the newest probe that carried one; null before. */
    RateLimits.Window exports() {
        return exports;
    }

    void exports(RateLimits.Window window) {
        this.exports = window;
    }

    /** The user {@code /users/me} answered with once authentication passed; null before. */
    JsonNode user() {
        return user;
    }

    void user(JsonNode user) {
        this.user = user;
    }

    /** Whether the credential was accepted as a real user (the identity check passed). */
    boolean authenticated() {
        return status(CheckKey.IDENTITY) == CheckStatus.PASS;
    }

    boolean admin() {
        return user != null && "admin".equals(Checklist.text(user, "role"));
    }
}
