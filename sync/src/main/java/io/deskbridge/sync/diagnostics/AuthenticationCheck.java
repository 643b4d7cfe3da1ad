package io.deskbridge.sync.diagnostics;

import static io.deskbridge.sync.diagnostics.Checklist.API_TOKENS_PAGE;
import static io.deskbridge.sync.diagnostics.Checklist.IP_RESTRICTIONS_PAGE;
import static io.deskbridge.sync.diagnostics.Checklist.ME;
import static io.deskbridge.sync.diagnostics.Checklist.NO_NEW_TOKENS_FROM;
import static io.deskbridge.sync.diagnostics.Checklist.OAUTH_CLIENTS_PAGE;
import static io.deskbridge.sync.diagnostics.Checklist.TEAM_MEMBERS_PAGE;
import static io.deskbridge.sync.diagnostics.Checklist.TOKEN_ACCESS_SETTING;
import static io.deskbridge.sync.diagnostics.Checklist.hasUserId;
import static io.deskbridge.sync.diagnostics.Checklist.retryAfter;
import static io.deskbridge.sync.diagnostics.Checklist.summary;
import static io.deskbridge.sync.diagnostics.Checklist.text;

import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * 4. {@code GET /api/v2/users/me} with the credential: accepted, or why not (a refused API token gets
 * a Bearer retry and the list of causes the same 401 can mean). Keeps the answer's user for the
 * checks after it.
 */
final class AuthenticationCheck implements ChecklistStep {

    @Override
    public CheckKey key() {
        return CheckKey.AUTHENTICATION;
    }

    @Override
    public List<CheckKey> requires() {
        return List.of(CheckKey.REACHABLE, CheckKey.CREDENTIALS);
    }

    @Override
    public String blocks() {
        return "the credential was not accepted (see " + CheckKey.AUTHENTICATION.wireName() + ")";
    }

    @Override
    public Check check(ChecklistRun run) {
        Answer me = run.get(AuthStyle.NATURAL, ME);
        Check check = authentication(run, me);
        if (check.status() == CheckStatus.PASS) {
            run.user(me.response().body() == null ? null : me.response().body().path("user"));
        }
        return check;
    }

    private static Check authentication(ChecklistRun run, Answer me) {
        Subject subject = run.subject();
        if (!me.answered()) {
            return Check.of(
                    CheckKey.AUTHENTICATION,
                    CheckStatus.FAIL,
                    "The server answered without credentials but not with them: " + me.unreachable() + ".",
                    "Try again; if it persists, check for a proxy that drops authenticated requests.");
        }
        ZendeskResponse r = me.response();
        String asWho = subject.credential() instanceof ApiTokenCredential token
                ? " as " + token.email() + "/token"
                : " with the OAuth access token";
        String what = "GET /api/v2/users/me" + asWho + " answered " + summary(r);
        if (r.ok()) {
            return Check.pass(CheckKey.AUTHENTICATION, what + ".");
        }
        if (r.status() == 401) {
            return subject.credential() instanceof ApiTokenCredential token
                    ? apiTokenRefused(run, token, what)
                    : Check.of(
                            CheckKey.AUTHENTICATION,
                            CheckStatus.FAIL,
                            what + ": the access token is expired, revoked or invalid.",
                            "Authorize sync again to get a new OAuth access token (" + OAUTH_CLIENTS_PAGE
                                    + " shows the client), and hand it over with a new request link.");
        }
        if (r.status() == 403) {
            return Check.of(
                    CheckKey.AUTHENTICATION,
                    CheckStatus.FAIL,
                    what + ": the account refuses this caller even its own profile; an IP restriction does that.",
                    "Add the sync host's outgoing IP address in " + IP_RESTRICTIONS_PAGE
                            + " (or switch the restriction off for API access).");
        }
        if (r.status() == 429) {
            return Check.of(
                    CheckKey.AUTHENTICATION,
                    CheckStatus.WARN,
                    what + retryAfter(r) + ": the credential could not be checked.",
                    "Run the test again after the wait. If the answer names failed authentications, earlier "
                            + "attempts with a wrong credential from this address are being throttled.");
        }
        return Check.of(
                CheckKey.AUTHENTICATION,
                CheckStatus.FAIL,
                what + ".",
                "Run the test again; if it persists, the server's operator can tell from its logs.");
    }

    /**
     * A refused API token. Zendesk (and desk) answer every cause with the same {@code 401 Couldn't
     * authenticate you}, so the answer alone cannot tell them apart; what can: a Bearer retry (an OAuth
     * access token pasted as an API token is accepted that way), a pass with this same credential
     * version before (then nothing was mistyped: something changed on the account), and the server
     * (only desk binds tokens to their owner).
     */
    private static Check apiTokenRefused(ChecklistRun run, ApiTokenCredential token, String what) {
        Subject subject = run.subject();
        Instant now = run.now();
        Answer bearer = run.get(AuthStyle.BEARER, ME);
        if (bearer.answered()
                && bearer.response().ok()
                && hasUserId(bearer.response().body())) {
            JsonNode who = bearer.response().body().path("user");
            return Check.of(
                    CheckKey.AUTHENTICATION,
                    CheckStatus.FAIL,
                    what + ". The same value sent as an OAuth Bearer token was accepted, as " + text(who, "name") + " <"
                            + text(who, "email") + ">: it is an OAuth access token, not an API token.",
                    "Hand over an API token instead (" + API_TOKENS_PAGE + " → Add API token) with a new request "
                            + "link; the request-link form takes API tokens only.");
        }
        String bearerText = bearer.answered()
                ? " Sent as an OAuth Bearer token it was refused too (" + summary(bearer.response())
                        + "), so it is not an OAuth access token pasted as an API token."
                : "";
        boolean cloud = subject.address().zendeskCloud();
        boolean changed = subject.authPassedAt() != null;
        List<String> causes = new ArrayList<>();
        causes.add("API token access is switched off for the account");
        causes.add("the token was deactivated, has expired, was deleted, or was deactivated automatically after "
                + "30 days unused");
        causes.add(
                changed
                        ? token.email() + " is no longer an active user: deleted, deactivated, suspended, or its email "
                                + "changed"
                        : token.email() + " is not an active user of the account: a typo in the email, or the user "
                                + "is deleted, deactivated or suspended");
        if (!cloud && !changed) {
            causes.add("the token is bound to its owner (desk's default) and " + token.email() + " is someone else");
        }
        if (!changed) {
            causes.add("the token was copied incompletely");
        }
        StringBuilder observed = new StringBuilder(what).append('.').append(bearerText);
        if (changed) {
            observed.append(" The same credential (version ")
                    .append(subject.credentialVersion())
                    .append(") was accepted at ")
                    .append(subject.authPassedAt())
                    .append(", so nothing was mistyped: something changed on the account since.");
        }
        observed.append(" The server gives the same answer for every cause, so it is one of: ");
        for (int i = 0; i < causes.size(); i++) {
            observed.append(i == 0 ? "" : "; ")
                    .append('(')
                    .append(i + 1)
                    .append(") ")
                    .append(causes.get(i));
        }
        observed.append('.');
        StringBuilder fix = new StringBuilder("In Admin Center, as an admin: 1. ")
                .append(TOKEN_ACCESS_SETTING)
                .append(": switch it on. 2. ")
                .append(API_TOKENS_PAGE)
                .append(": find the token; reactivate it if it is inactive, or add a new one if it expired or is gone");
        if (cloud
                && !now.isBefore(NO_NEW_TOKENS_FROM.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            fix.append(" (Zendesk issues no new API tokens since ")
                    .append(NO_NEW_TOKENS_FROM)
                    .append(": move the connection to OAuth, ")
                    .append(OAUTH_CLIENTS_PAGE)
                    .append(")");
        }
        fix.append(". 3. ")
                .append(TEAM_MEMBERS_PAGE)
                .append(": check that ")
                .append(token.email())
                .append(" exists, is active and not suspended (Unsuspend access)");
        if (!cloud && !changed) {
            fix.append(". 4. A token bound to its owner works only with the owner's email: send the owner's email, "
                    + "or create a token that may authenticate as any user");
        }
        fix.append(". Then send the credentials again with a new request link.");
        return Check.of(CheckKey.AUTHENTICATION, CheckStatus.FAIL, observed.toString(), fix.toString());
    }
}
