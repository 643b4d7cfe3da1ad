package io.deskbridge.sync.diagnostics;

import static io.deskbridge.sync.diagnostics.Checklist.IP_RESTRICTIONS_PAGE;
import static io.deskbridge.sync.diagnostics.Checklist.PROBES;
import static io.deskbridge.sync.diagnostics.Checklist.PROBE_WINDOW;
import static io.deskbridge.sync.diagnostics.Checklist.article;
import static io.deskbridge.sync.diagnostics.Checklist.distinct;
import static io.deskbridge.sync.diagnostics.Checklist.resetText;
import static io.deskbridge.sync.diagnostics.Checklist.retryAfter;
import static io.deskbridge.sync.diagnostics.Checklist.summary;
import static io.deskbridge.sync.diagnostics.Checklist.text;
import static io.deskbridge.sync.diagnostics.Checklist.worst;

import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.RateLimits;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 7. One record from each incremental export the streams read (per_page=1, a start time minutes ago),
 * for admins only, and only when the minute's budget leaves room for the probes.
 */
final class StreamsCheck implements ChecklistStep {

    /** A stream and the export that feeds it. */
    private record Stream(String name, String path) {}

    @Override
    public CheckKey key() {
        return CheckKey.STREAMS;
    }

    @Override
    public List<CheckKey> requires() {
        return List.of(CheckKey.REACHABLE, CheckKey.CREDENTIALS, CheckKey.AUTHENTICATION, CheckKey.IDENTITY);
    }

    @Override
    public Check check(ChecklistRun run) {
        if (!run.admin()) {
            return Check.skipped(
                    CheckKey.STREAMS,
                    "incremental exports are for admins only, and this user is " + article(text(run.user(), "role"))
                            + " (see " + CheckKey.USER.wireName() + ")");
        }
        Instant now = run.now();
        RateLimits.Window account = run.account();
        if (account != null && account.remaining() < PROBES + 1) {
            return Check.of(
                    CheckKey.STREAMS,
                    CheckStatus.WARN,
                    "Not probed: only " + account.remaining() + " of " + account.limit()
                            + " requests are left in this minute, and the probes would take them from the account's "
                            + "agents and integrations.",
                    "Run the test again after the rate limit resets" + resetText(account, now) + ".");
        }
        long start = now.minus(PROBE_WINDOW).getEpochSecond();
        List<Stream> streams = List.of(
                new Stream("tickets", "/api/v2/incremental/tickets/cursor.json?start_time=" + start + "&per_page=1"),
                new Stream("users", "/api/v2/incremental/users/cursor.json?start_time=" + start + "&per_page=1"),
                new Stream(
                        "organizations", "/api/v2/incremental/organizations.json?start_time=" + start + "&per_page=1"),
                new Stream(
                        "ticket_comments",
                        "/api/v2/incremental/ticket_events.json?start_time=" + start
                                + "&include=comment_events&per_page=1"));
        List<String> lines = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        CheckStatus status = CheckStatus.PASS;
        boolean stop = false;
        for (Stream stream : streams) {
            String endpoint = stream.name() + " ("
                    + stream.path().substring("/api/v2/".length(), stream.path().indexOf('?')) + ")";
            if (stop) {
                lines.add(endpoint + ": not probed");
                continue;
            }
            Answer answer = run.get(AuthStyle.NATURAL, stream.path());
            if (!answer.answered()) {
                status = CheckStatus.FAIL;
                lines.add(endpoint + ": no answer (" + answer.unreachable() + ")");
                fixes.add("Run the test again; the server stopped answering while it ran.");
                stop = true;
                continue;
            }
            ZendeskResponse r = answer.response();
            RateLimits.Window window = r.rateLimits().endpoint(RateLimits.INCREMENTAL_EXPORTS);
            if (window != null) {
                run.exports(window);
            }
            if (r.ok()) {
                lines.add(endpoint + ": 200");
            } else if (r.status() == 400 && r.errorSummary().contains("StartTimeTooRecent")) {
                // The endpoint exists and let us in; only the probe's start_time was refused.
                status = worst(status, CheckStatus.WARN);
                lines.add(endpoint + ": allowed, but " + summary(r));
                fixes.add("Set the sync host's clock right (NTP): the server thinks a time " + PROBE_WINDOW.toMinutes()
                        + " minutes ago is less than a minute old.");
            } else if (r.status() == 403) {
                status = CheckStatus.FAIL;
                lines.add(endpoint + ": " + summary(r) + " — " + forbiddenReason(r));
                fixes.add(forbiddenFix(stream.name(), r));
            } else if (r.status() == 404) {
                status = CheckStatus.FAIL;
                lines.add(endpoint + ": " + summary(r) + " — this server does not offer the export");
                fixes.add("The " + stream.name() + " stream cannot sync from this server: it has no "
                        + stream.path().substring(0, stream.path().indexOf('?')) + "; leave the stream out.");
            } else if (r.status() == 429) {
                status = worst(status, CheckStatus.WARN);
                lines.add(endpoint + ": " + summary(r) + retryAfter(r));
                fixes.add("The export budget is spent for this minute (is a sync running?); test again after the "
                        + "wait.");
                stop = true;
            } else {
                status = CheckStatus.FAIL;
                lines.add(endpoint + ": " + summary(r));
                fixes.add("Run the test again; if " + stream.name() + " keeps failing the server's operator can tell "
                        + "why from its logs.");
            }
            if (!stop && window != null && window.remaining() == 0) {
                // The export budget is spent: another probe would only be refused.
                stop = true;
                if (streams.indexOf(stream) < streams.size() - 1) {
                    status = worst(status, CheckStatus.WARN);
                    fixes.add("The incremental export budget (" + window.limit() + " a minute) ran out during the "
                            + "probes; test again after it resets.");
                }
            }
        }
        String observed = "Each export asked for one record (per_page=1): " + String.join("; ", lines) + ".";
        return Check.of(CheckKey.STREAMS, status, observed, fixes.isEmpty() ? null : String.join(" ", distinct(fixes)));
    }

    private static String forbiddenReason(ZendeskResponse r) {
        String text = r.errorSummary();
        if (text.contains("missing the following required scopes")) {
            return "the token lacks a scope";
        }
        if (text.toLowerCase(Locale.ROOT).contains("ip ")) {
            return "an IP restriction";
        }
        return "for an admin this means the plan does not include the endpoint, or an IP restriction blocks sync's "
                + "address";
    }

    private static String forbiddenFix(String stream, ZendeskResponse r) {
        String text = r.errorSummary();
        int scopes = text.indexOf("required scopes: ");
        if (scopes >= 0) {
            return "Create the OAuth token with the scope " + text.substring(scopes + "required scopes: ".length())
                    + " (sync needs read) and hand it over again.";
        }
        return "If the account restricts API access by IP (" + IP_RESTRICTIONS_PAGE
                + "), add the sync host's outgoing IP address; otherwise the plan does not include the " + stream
                + " export: check Admin Center → Account → Billing → Subscription.";
    }
}
