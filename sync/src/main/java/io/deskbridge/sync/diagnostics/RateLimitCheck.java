package io.deskbridge.sync.diagnostics;

import static io.deskbridge.sync.diagnostics.Checklist.EXPORT_PAGE_SIZE;
import static io.deskbridge.sync.diagnostics.Checklist.LOW_BUDGET_SHARE;
import static io.deskbridge.sync.diagnostics.Checklist.duration;
import static io.deskbridge.sync.diagnostics.Checklist.resetText;

import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.RateLimits;
import java.util.Locale;

/**
 * 8. The account's rate limit (and the plan it implies), the export budget, what is left this minute,
 * and, for an authenticated run, how long a backfill takes at least. Runs whatever failed before: the
 * anonymous answer carries the limits too.
 */
final class RateLimitCheck implements ChecklistStep {

    @Override
    public CheckKey key() {
        return CheckKey.RATE_LIMIT;
    }

    @Override
    public Check check(ChecklistRun run) {
        boolean estimate = run.authenticated();
        RateLimits.Window account = run.account();
        RateLimits.Window exports = run.exports();
        if (account == null) {
            if (run.requests() == 0
                    || run.checks().stream()
                            .anyMatch(c -> c.key() == CheckKey.REACHABLE && c.status() == CheckStatus.FAIL)) {
                return Check.skipped(
                        CheckKey.RATE_LIMIT, "no answer from a Zendesk Support API to read the limits from");
            }
            return Check.of(
                    CheckKey.RATE_LIMIT,
                    CheckStatus.WARN,
                    "The answers carried no X-Rate-Limit headers: the account's budget is unknown.",
                    "Nothing to change on the account; sync paces itself by 429 answers and their Retry-After.");
        }
        StringBuilder observed = new StringBuilder("X-Rate-Limit ")
                .append(account.limit())
                .append(" a minute: ")
                .append(plan(account.limit()))
                .append(". ");
        long exportsPerMinute = exports == null ? 0 : exports.limit();
        if (exports != null) {
            observed.append("Incremental exports: ")
                    .append(exports.limit())
                    .append(" a minute (")
                    .append(exports.remaining())
                    .append(" left). ");
        }
        CheckStatus status = CheckStatus.PASS;
        String fix = null;
        boolean low = account.remaining() < account.limit() * LOW_BUDGET_SHARE;
        if (estimate && !low) {
            observed.append(backfillEstimate(run, exportsPerMinute));
            // The ticket count's answer carries the newest budget.
            account = run.account();
        }
        observed.append("Left this minute: ")
                .append(account.remaining())
                .append(" of ")
                .append(account.limit());
        if (low) {
            status = CheckStatus.WARN;
            observed.append(", under ")
                    .append(Math.round(LOW_BUDGET_SHARE * 100))
                    .append(" %: other clients are using the account's budget; it resets")
                    .append(resetText(account, run.now()))
                    .append('.');
            fix = "Nothing to change if this passes after the reset: sync waits for the budget and uses at most its "
                    + "quota share. If it stays this low, find the integration that spends it ("
                    + "Admin Center → Account → Usage → API usage), or raise the limit with a bigger plan or the High "
                    + "Volume add-on.";
        } else {
            observed.append('.');
        }
        observed.append(" Requests sent so far by this test: ")
                .append(run.requests())
                .append('.');
        return Check.of(CheckKey.RATE_LIMIT, status, observed.toString(), fix);
    }

    private static String backfillEstimate(ChecklistRun run, long exportsPerMinute) {
        if (exportsPerMinute <= 0) {
            return "";
        }
        Answer count = run.get(AuthStyle.NATURAL, "/api/v2/search/count.json?query=type%3Aticket");
        if (!count.answered()
                || !count.response().ok()
                || count.response().body() == null
                || !count.response().body().path("count").isNumber()) {
            return "Backfill: at most " + String.format(Locale.ROOT, "%,d", exportsPerMinute * EXPORT_PAGE_SIZE)
                    + " tickets a minute (the ticket count was not available). ";
        }
        long tickets = count.response().body().path("count").asLong();
        long perMinute = exportsPerMinute * EXPORT_PAGE_SIZE;
        long minutes = Math.max(1, (tickets + perMinute - 1) / perMinute);
        return "Backfill estimate: " + String.format(Locale.ROOT, "%,d", tickets) + " tickets at most "
                + String.format(Locale.ROOT, "%,d", perMinute) + " a minute (" + exportsPerMinute + " export pages of "
                + String.format(Locale.ROOT, "%,d", EXPORT_PAGE_SIZE) + ") take at least " + duration(minutes)
                + "; comments, users and organizations share the export budget. ";
    }

    /** The plan Zendesk sells with this limit (zendesk-wire.md, "Rate limits"). */
    static String plan(long perMinute) {
        if (perMinute == 200) {
            return "the Team plan";
        }
        if (perMinute == 400) {
            return "the Growth or Professional plan";
        }
        if (perMinute == 700) {
            return "the Enterprise plan";
        }
        if (perMinute == 2500) {
            return "Enterprise Plus or the High Volume API add-on";
        }
        return "no Zendesk plan has exactly this limit (a custom limit or another server)";
    }
}
