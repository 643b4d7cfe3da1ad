package io.deskbridge.sync.diagnostics;

import static io.deskbridge.sync.diagnostics.Checklist.API_TOKENS_PAGE;
import static io.deskbridge.sync.diagnostics.Checklist.EXPIRING_SOON;
import static io.deskbridge.sync.diagnostics.Checklist.NO_NEW_TOKENS_FROM;
import static io.deskbridge.sync.diagnostics.Checklist.OAUTH_CLIENTS_PAGE;
import static io.deskbridge.sync.diagnostics.Checklist.TOKENS_STOP;
import static io.deskbridge.sync.diagnostics.Checklist.summary;
import static io.deskbridge.sync.diagnostics.Checklist.text;

import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.connection.OAuthCredential;
import io.deskbridge.sync.zendesk.AuthStyle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;

/**
 * 9. How long the credential keeps working: an OAuth token's expiry and refresh, Zendesk's API token
 * retirement dates, or (on another server, for an admin) the token's own expiry from the token list.
 */
final class TokenLifetimeCheck implements ChecklistStep {

    @Override
    public CheckKey key() {
        return CheckKey.TOKEN_LIFETIME;
    }

    @Override
    public Check check(ChecklistRun run) {
        Subject subject = run.subject();
        Instant now = run.now();
        boolean canListTokens = run.authenticated() && run.admin();
        Credential credential = subject.credential();
        if (credential == null) {
            return Check.skipped(
                    CheckKey.TOKEN_LIFETIME, "there is no credential (see " + CheckKey.CREDENTIALS.wireName() + ")");
        }
        if (credential instanceof OAuthCredential oauth) {
            Instant expires = oauth.accessTokenExpiresAt();
            if (expires != null && !expires.isAfter(now) && !oauth.refreshable()) {
                return Check.of(
                        CheckKey.TOKEN_LIFETIME,
                        CheckStatus.FAIL,
                        "The OAuth access token expired at " + expires + " and there is no refresh token.",
                        "Authorize sync again and hand over the new tokens with a request link.");
            }
            return Check.pass(
                    CheckKey.TOKEN_LIFETIME,
                    expires == null
                            ? "The OAuth access token does not expire."
                            : "The OAuth access token expire" + (expires.isAfter(now) ? "s" : "d") + " at " + expires
                                    + (oauth.clientCredentials()
                                            ? "; sync asks for a new one with the client's credentials."
                                            : oauth.refreshToken() == null
                                                    ? "."
                                                    : "; sync refreshes it with the refresh token."));
        }
        ApiTokenCredential token = (ApiTokenCredential) credential;
        if (subject.address().zendeskCloud()) {
            return zendeskTokenRetirement(now);
        }
        if (!run.authenticated()) {
            return Check.skipped(
                    CheckKey.TOKEN_LIFETIME,
                    "the token's expiry can only be read with a credential the account accepts (see "
                            + CheckKey.AUTHENTICATION.wireName() + ")");
        }
        String idle = "Many accounts deactivate tokens unused for 30 days (desk's default, and Zendesk's): keep a sync "
                + "schedule running.";
        if (!canListTokens) {
            return Check.pass(
                    CheckKey.TOKEN_LIFETIME, "The token's expiry is unknown without an admin's token list. " + idle);
        }
        Answer list = run.get(AuthStyle.NATURAL, "/api/v2/api_tokens.json");
        JsonNode match =
                list.answered() && list.response().ok() && list.response().body() != null
                        ? matchingToken(list.response().body().path("api_tokens"), token.token())
                        : null;
        if (match == null) {
            return Check.pass(
                    CheckKey.TOKEN_LIFETIME,
                    "The token's expiry is unknown: "
                            + (list.answered() && list.response().ok()
                                    ? "the account's token list has no single token ending like this one."
                                    : "the account does not list its tokens ("
                                            + (list.answered() ? summary(list.response()) : list.unreachable()) + ").")
                            + " " + idle);
        }
        StringBuilder observed = new StringBuilder("Token ")
                .append(match.path("id").asLong())
                .append(" (\"")
                .append(text(match, "description"))
                .append("\")");
        String scope = text(match, "scope");
        if ("read".equals(scope)) {
            observed.append(" is read-only: enough for sync, which only reads");
        } else if (scope != null) {
            observed.append(" has ").append(scope).append(" access (sync only reads: a read-only token would do)");
        }
        String expiresAt = text(match, "expires_at");
        CheckStatus status = CheckStatus.PASS;
        String fix = null;
        if (expiresAt == null) {
            observed.append("; it never expires.");
        } else {
            Instant expires = Instant.parse(expiresAt);
            // Rounded to the nearest day: "in 30 days" for a 30-day token created seconds ago.
            long days = (Duration.between(now, expires).toHours() + 12) / 24;
            observed.append("; it expires at ")
                    .append(expiresAt)
                    .append(" (in ")
                    .append(days)
                    .append(" days).");
            if (Duration.between(now, expires).compareTo(EXPIRING_SOON) < 0) {
                status = CheckStatus.WARN;
                fix = "Rotate the token before it expires (" + API_TOKENS_PAGE
                        + " → the token → Rotate) and send the new "
                        + "value with a request link; sync picks it up without losing its place.";
            }
        }
        observed.append(' ').append(idle);
        return Check.of(CheckKey.TOKEN_LIFETIME, status, observed.toString(), fix);
    }

    private static Check zendeskTokenRetirement(Instant now) {
        Instant stop = TOKENS_STOP.atStartOfDay(ZoneOffset.UTC).toInstant();
        String fix = "Move the connection to OAuth before " + TOKENS_STOP + ": ask the Zendesk admin to register an "
                + "OAuth client (" + OAUTH_CLIENTS_PAGE + ") and hand over its tokens. Until then keep a sync "
                + "schedule running so the token is used at least every 30 days.";
        if (!now.isBefore(stop)) {
            return Check.of(
                    CheckKey.TOKEN_LIFETIME,
                    CheckStatus.FAIL,
                    "Zendesk API tokens stopped working on " + TOKENS_STOP + ".",
                    "Move the connection to OAuth: ask the Zendesk admin to register an OAuth client ("
                            + OAUTH_CLIENTS_PAGE + ") and hand over its tokens.");
        }
        long days = ChronoUnit.DAYS.between(now.atZone(ZoneOffset.UTC).toLocalDate(), TOKENS_STOP);
        boolean noNew =
                !now.isBefore(NO_NEW_TOKENS_FROM.atStartOfDay(ZoneOffset.UTC).toInstant());
        return Check.of(
                CheckKey.TOKEN_LIFETIME,
                CheckStatus.WARN,
                "Zendesk retires API tokens: they stop working on " + TOKENS_STOP + " (in " + days + " days); "
                        + (noNew ? "no new ones are issued since " : "no new ones will be issued from ")
                        + NO_NEW_TOKENS_FROM
                        + ", and tokens unused for 30 days are deactivated (deleted 60 days later).",
                fix);
    }

    /**
     * The one listed token whose visible form ends with this token's last four characters. Decision:
     * the list shows tokens masked (desk: {@code dsk_…abcd}), so the last four are all there is to
     * match on; two tokens ending alike count as unknown rather than a guess.
     */
    static JsonNode matchingToken(JsonNode tokens, String value) {
        if (tokens == null || !tokens.isArray() || value == null || value.length() < 8) {
            return null;
        }
        String tail = value.substring(value.length() - 4);
        JsonNode found = null;
        for (JsonNode t : tokens) {
            String visible = text(t, "visible_token");
            if (visible != null && visible.endsWith(tail)) {
                if (found != null) {
                    return null;
                }
                found = t;
            }
        }
        return found;
    }
}
