package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.ConnectionState;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.connection.OAuthCredential;
import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.RateLimits;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The checklist's decisions, over whatever answers {@link Exchange} brings (a real account in
 * production, hand-written answers in the unit tests). One run sends at most nine requests (two when
 * authentication fails), none of them twice: a diagnostics run must not spend the account's quota.
 */
final class Checklist {

    static final String TOKEN_ACCESS_SETTING =
            "Admin Center → Apps and integrations → APIs → API configuration → Allow API token access";
    static final String API_TOKENS_PAGE = "Admin Center → Apps and integrations → APIs → API tokens";
    static final String TEAM_MEMBERS_PAGE = "Admin Center → People → Team members";
    static final String OAUTH_CLIENTS_PAGE = "Admin Center → Apps and integrations → APIs → OAuth clients";
    static final String IP_RESTRICTIONS_PAGE = "Admin Center → Account → Security → Advanced → IP restrictions";

    /** Zendesk's API token retirement (developer.zendesk.com oauth-migration guide). */
    static final LocalDate NO_NEW_TOKENS_FROM = LocalDate.of(2026, 10, 27);

    static final LocalDate TOKENS_STOP = LocalDate.of(2027, 4, 30);

    /** Records per incremental export page, the most Zendesk serves. */
    static final int EXPORT_PAGE_SIZE = 1000;

    /** Below this share of the minute's budget the rate-limit check warns. */
    static final double LOW_BUDGET_SHARE = 0.10;

    /** The stream probes need this many requests; with fewer left in the minute they are not sent. */
    static final int PROBES = 4;

    /** Probe window: older than Zendesk's 60 s freshness limit even with some clock skew, and short. */
    static final Duration PROBE_WINDOW = Duration.ofMinutes(5);

    static final Duration EXPIRING_SOON = Duration.ofDays(7);

    private static final String ME = "/api/v2/users/me.json";
    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** A stream and the export that feeds it. */
    private record Stream(String name, String path) {}

    private final Subject subject;
    private final Exchange exchange;
    private final Instant now;
    private final List<Check> checks = new ArrayList<>();
    private int requests;
    private RateLimits.Window account;
    private RateLimits.Window exports;
    private JsonNode user;
    private boolean authenticated;

    private Checklist(Subject subject, Exchange exchange, Instant now) {
        this.subject = subject;
        this.exchange = exchange;
        this.now = now;
    }

    /**
     * What one run found.
     *
     * @param authenticated whether the credential was accepted as a real user
     */
    record Outcome(List<Check> checks, int requests, boolean authenticated) {}

    static Outcome run(Subject subject, Exchange exchange, Instant now) {
        Checklist run = new Checklist(subject, exchange, now);
        run.all();
        return new Outcome(List.copyOf(run.checks), run.requests, run.authenticated);
    }

    private void all() {
        add(address());
        boolean reachable = add(reachable()).status() == CheckStatus.PASS;
        boolean credentials = add(credentials()).status() == CheckStatus.PASS;
        if (!reachable || !credentials) {
            String why = !reachable
                    ? "the address did not answer as a Zendesk Support API (see " + CheckKey.REACHABLE.wireName() + ")"
                    : "there is no usable credential (see " + CheckKey.CREDENTIALS.wireName() + ")";
            skip(why, CheckKey.AUTHENTICATION, CheckKey.IDENTITY, CheckKey.USER, CheckKey.STREAMS);
            add(rateLimit(false));
            add(tokenLifetime(false));
            return;
        }
        Answer me = get(AuthStyle.NATURAL, ME);
        boolean accepted = add(authentication(me)).status() == CheckStatus.PASS;
        if (!accepted) {
            skip(
                    "the credential was not accepted (see " + CheckKey.AUTHENTICATION.wireName() + ")",
                    CheckKey.IDENTITY,
                    CheckKey.USER,
                    CheckKey.STREAMS);
            add(rateLimit(false));
            add(tokenLifetime(false));
            return;
        }
        user = me.response().body() == null ? null : me.response().body().path("user");
        if (add(identity()).status() != CheckStatus.PASS) {
            skip(
                    "the server answered as the anonymous user (see " + CheckKey.IDENTITY.wireName() + ")",
                    CheckKey.USER,
                    CheckKey.STREAMS);
            add(rateLimit(false));
            add(tokenLifetime(false));
            return;
        }
        authenticated = true;
        add(user());
        boolean admin = "admin".equals(text(user, "role"));
        if (admin) {
            add(streams());
        } else {
            skip(
                    "incremental exports are for admins only, and this user is " + article(text(user, "role"))
                            + " (see " + CheckKey.USER.wireName() + ")",
                    CheckKey.STREAMS);
        }
        add(rateLimit(true));
        add(tokenLifetime(admin));
    }

    // 1 ------------------------------------------------------------------------------------------

    private Check address() {
        String base = subject.address().toString();
        if (subject.address().zendeskCloud()) {
            String subdomain = subject.address()
                    .host()
                    .substring(0, subject.address().host().indexOf('.'));
            return Check.pass(CheckKey.ADDRESS, base + ": the Zendesk account " + subdomain + ".");
        }
        String scheme = subject.address().baseUrl().getScheme();
        return Check.pass(
                CheckKey.ADDRESS,
                base + ": a Zendesk-compatible server (not *.zendesk.com, so Zendesk's plan limits and token "
                        + "retirement dates are not assumed)"
                        + ("http".equals(scheme)
                                ? "; plain HTTP, allowed because the server is on this machine."
                                : "."));
    }

    // 2 ------------------------------------------------------------------------------------------

    private Check reachable() {
        Answer anonymous = get(AuthStyle.NONE, ME);
        if (!anonymous.answered()) {
            return unreachable(anonymous.unreachable());
        }
        ZendeskResponse r = anonymous.response();
        String what = "GET /api/v2/users/me without credentials answered " + describe(r);
        if (r.status() >= 300 && r.status() < 400) {
            return Check.of(
                    CheckKey.REACHABLE,
                    CheckStatus.FAIL,
                    what + ", a redirect to " + r.header("Location").orElse("(no Location)")
                            + ". Zendesk answers API requests directly.",
                    "Use the account's own address (https://<subdomain>.zendesk.com), not a help-center domain, a "
                            + "sign-in page or an address that redirects; then add the connection again with it.");
        }
        JsonNode body = r.body();
        boolean anonymousUser =
                r.status() == 200 && body != null && body.path("user").isObject();
        boolean zendeskError = (r.status() == 401 || r.status() == 403 || r.status() == 429)
                && ((body != null && (body.has("error") || body.has("errors")))
                        || r.rateLimits().account() != null);
        if (anonymousUser || zendeskError) {
            return Check.pass(
                    CheckKey.REACHABLE,
                    what
                            + (anonymousUser ? " with the anonymous user" : " in Zendesk's error format")
                            + (r.rateLimits().account() == null
                                    ? "; it sends no X-Rate-Limit headers."
                                    : ", with X-Rate-Limit headers: a Zendesk Support API."));
        }
        if (r.status() >= 500) {
            return Check.of(
                    CheckKey.REACHABLE,
                    CheckStatus.FAIL,
                    what + ": the server is failing or in maintenance.",
                    subject.address().zendeskCloud()
                            ? "Try again in a few minutes; Zendesk's incidents are listed at https://status.zendesk.com."
                            : "Try again once the server is back; its operator's logs say why it fails.");
        }
        if (subject.address().zendeskCloud() && r.status() == 404) {
            return Check.of(
                    CheckKey.REACHABLE,
                    CheckStatus.FAIL,
                    what + ": no Zendesk account answers at "
                            + subject.address().host() + ".",
                    "Check the subdomain's spelling: it is the address you see after signing in to Zendesk "
                            + "(https://<subdomain>.zendesk.com). Add the connection again with the right one.");
        }
        return Check.of(
                CheckKey.REACHABLE,
                CheckStatus.FAIL,
                what + ": not a Zendesk Support API (no JSON user, no Zendesk error, no X-Rate-Limit headers).",
                "Check the address: it must be the Zendesk account's own (https://<subdomain>.zendesk.com) or a "
                        + "Zendesk-compatible API such as desk; this server is something else (a web page, a proxy or "
                        + "another application). Add the connection again with the right address.");
    }

    private Check unreachable(String why) {
        String host = subject.address().host();
        int port = subject.address().baseUrl().getPort();
        String hostPort = host
                + ":"
                + (port >= 0 ? port : "https".equals(subject.address().baseUrl().getScheme()) ? 443 : 80);
        String fix;
        if (why.contains("does not resolve")) {
            fix = subject.address().zendeskCloud()
                    ? "Check the subdomain's spelling: it is the address you see after signing in to Zendesk "
                            + "(https://<subdomain>.zendesk.com). Add the connection again with the right one."
                    : "Check the host name " + host + " for a typo, and that the sync host's DNS resolves it; add the "
                            + "connection again with the right address.";
        } else if (why.contains("refused")) {
            fix = "Nothing listens on " + hostPort + ": start the server (for desk: ./run), check the port in the "
                    + "address, or let the sync host through the firewall.";
        } else if (why.contains("timed out") || why.contains("no answer within")) {
            fix = "Connections to " + hostPort + " get no answer: a firewall or proxy drops them. Allow outgoing "
                    + "HTTPS from the sync host to " + hostPort + ".";
        } else if (why.contains("TLS")) {
            fix = "The server's certificate is not trusted by sync's Java runtime (self-signed, expired, or a "
                    + "TLS-inspecting proxy): give the server a trusted certificate, or add the proxy's CA to the "
                    + "runtime's truststore.";
        } else if (why.contains("sync.zendesk.max-response-size")) {
            fix = "This server answers with more than sync reads from Zendesk in one answer: check that " + host
                    + " is the Zendesk account's own address; if it is, raise SYNC_ZENDESK_MAX_RESPONSE_SIZE.";
        } else if (why.contains("sync does not connect there")) {
            fix = "Add the connection again with the Zendesk account's own address (https://<subdomain>.zendesk.com)"
                    + " or your Zendesk-compatible server's.";
        } else {
            fix = "Check the address and the network path from the sync host to " + hostPort + ".";
        }
        return Check.of(CheckKey.REACHABLE, CheckStatus.FAIL, why.endsWith(".") ? why : why + ".", fix);
    }

    // 3 ------------------------------------------------------------------------------------------

    private Check credentials() {
        if (subject.credentialProblem() != null) {
            return Check.of(
                    CheckKey.CREDENTIALS,
                    CheckStatus.FAIL,
                    "Credential version " + subject.credentialVersion() + " is stored but cannot be opened: "
                            + subject.credentialProblem(),
                    "Start sync with the master key it used when the credential arrived (SYNC_MASTER_KEY or "
                            + "<data-dir>/master-keyset.json), or ask for the credentials again with a new request link.");
        }
        Credential credential = subject.credential();
        if (subject.state() == ConnectionState.AWAITING_CREDENTIALS || credential == null) {
            return Check.of(
                    CheckKey.CREDENTIALS,
                    CheckStatus.FAIL,
                    "No credentials received yet.",
                    "Create a request link (Connections → Create request link, or POST /api/connections/"
                            + subject.connectionId() + "/request-links) and send it to the account's Zendesk admin.");
        }
        String received =
                " Version " + subject.credentialVersion() + ", received " + subject.credentialsReceivedAt() + ".";
        if (credential instanceof ApiTokenCredential token) {
            String email = token.email() == null ? "" : token.email();
            if (email.toLowerCase(Locale.ROOT).endsWith("/token")) {
                return Check.of(
                        CheckKey.CREDENTIALS,
                        CheckStatus.FAIL,
                        "The email was given as " + email + "; sync appends /token itself, so Zendesk would receive "
                                + email + "/token.",
                        "Ask for the credentials again with a new request link and enter the email without /token.");
            }
            if (!email.contains("@")) {
                return Check.of(
                        CheckKey.CREDENTIALS,
                        CheckStatus.FAIL,
                        "The API token's email is \"" + email + "\", which is not an email address.",
                        "Ask for the credentials again with a new request link and enter the Zendesk user's email.");
            }
            return Check.pass(CheckKey.CREDENTIALS, "An API token for " + email + "." + received);
        }
        OAuthCredential oauth = (OAuthCredential) credential;
        return Check.pass(
                CheckKey.CREDENTIALS,
                "An OAuth access token" + (oauth.refreshToken() == null ? " without" : " with") + " a refresh token."
                        + received);
    }

    // 4 ------------------------------------------------------------------------------------------

    private Check authentication(Answer me) {
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
                    ? apiTokenRefused(token, what)
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
    private Check apiTokenRefused(ApiTokenCredential token, String what) {
        Answer bearer = get(AuthStyle.BEARER, ME);
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

    // 5 ------------------------------------------------------------------------------------------

    private Check identity() {
        if (user == null || !user.isObject() || !user.hasNonNull("id")) {
            return Check.of(
                    CheckKey.IDENTITY,
                    CheckStatus.FAIL,
                    "GET /api/v2/users/me answered 200 as the anonymous user (id null"
                            + (user != null && user.hasNonNull("name") ? ", name \"" + text(user, "name") + "\"" : "")
                            + "): the credentials were ignored.",
                    "Something between sync and the account removes the Authorization header (a proxy), or the "
                            + "address is not the API's: use https://<subdomain>.zendesk.com, not a host-mapped "
                            + "help-center domain.");
        }
        return Check.pass(
                CheckKey.IDENTITY,
                "Authenticated as " + text(user, "name") + " <" + text(user, "email") + "> (user "
                        + user.path("id").asLong() + ").");
    }

    // 6 ------------------------------------------------------------------------------------------

    private Check user() {
        String name = text(user, "name");
        String email = text(user, "email");
        String role = text(user, "role");
        List<String> observed = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        CheckStatus status = CheckStatus.PASS;
        if (subject.credential() instanceof ApiTokenCredential token
                && email != null
                && !email.equalsIgnoreCase(token.email().strip())) {
            status = CheckStatus.WARN;
            observed.add(
                    "The token was handed over with " + token.email() + " but the account answered as " + email + ".");
            fixes.add("Hand the credential over again with the email of the user it should act as (" + email
                    + " if that is right).");
        }
        if (user.path("suspended").asBoolean(false)
                || (user.has("active") && !user.path("active").asBoolean(true))) {
            status = CheckStatus.FAIL;
            observed.add(name + " is " + (user.path("suspended").asBoolean(false) ? "suspended" : "not active") + ".");
            fixes.add("Unsuspend or reactivate " + name + " (" + TEAM_MEMBERS_PAGE + " → " + name
                    + " → Unsuspend access), or hand over a token for another admin.");
        }
        if ("admin".equals(role)) {
            observed.add(name + " is an admin: incremental exports and audit logs are allowed.");
        } else {
            status = CheckStatus.FAIL;
            observed.add(name + " is " + article(role)
                    + ", not an admin: incremental exports (every stream sync reads) and audit logs need an admin.");
            fixes.add("Ask an admin to create the token or change the role in " + TEAM_MEMBERS_PAGE + " → " + name
                    + " → Role: Admin.");
        }
        return Check.of(
                CheckKey.USER, status, String.join(" ", observed), fixes.isEmpty() ? null : String.join(" ", fixes));
    }

    // 7 ------------------------------------------------------------------------------------------

    private Check streams() {
        if (account != null && account.remaining() < PROBES + 1) {
            return Check.of(
                    CheckKey.STREAMS,
                    CheckStatus.WARN,
                    "Not probed: only " + account.remaining() + " of " + account.limit()
                            + " requests are left in this minute, and the probes would take them from the account's "
                            + "agents and integrations.",
                    "Run the test again after the rate limit resets" + resetText(account) + ".");
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
            Answer answer = get(AuthStyle.NATURAL, stream.path());
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
                exports = window;
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

    // 8 ------------------------------------------------------------------------------------------

    private Check rateLimit(boolean estimate) {
        if (account == null) {
            if (requests == 0
                    || checks.stream().anyMatch(c -> c.key() == CheckKey.REACHABLE && c.status() == CheckStatus.FAIL)) {
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
            observed.append(backfillEstimate(exportsPerMinute));
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
                    .append(resetText(account))
                    .append('.');
            fix = "Nothing to change if this passes after the reset: sync waits for the budget and uses at most its "
                    + "quota share. If it stays this low, find the integration that spends it ("
                    + "Admin Center → Account → Usage → API usage), or raise the limit with a bigger plan or the High "
                    + "Volume add-on.";
        } else {
            observed.append('.');
        }
        observed.append(" Requests sent so far by this test: ").append(requests).append('.');
        return Check.of(CheckKey.RATE_LIMIT, status, observed.toString(), fix);
    }

    private String backfillEstimate(long exportsPerMinute) {
        if (exportsPerMinute <= 0) {
            return "";
        }
        Answer count = get(AuthStyle.NATURAL, "/api/v2/search/count.json?query=type%3Aticket");
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

    // 9 ------------------------------------------------------------------------------------------

    private Check tokenLifetime(boolean canListTokens) {
        Credential credential = subject.credential();
        if (credential == null) {
            return Check.skipped(
                    CheckKey.TOKEN_LIFETIME, "there is no credential (see " + CheckKey.CREDENTIALS.wireName() + ")");
        }
        if (credential instanceof OAuthCredential oauth) {
            Instant expires = oauth.accessTokenExpiresAt();
            if (expires != null && !expires.isAfter(now) && oauth.refreshToken() == null) {
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
                                    + (oauth.refreshToken() == null
                                            ? "."
                                            : "; sync refreshes it with the refresh token."));
        }
        ApiTokenCredential token = (ApiTokenCredential) credential;
        if (subject.address().zendeskCloud()) {
            return zendeskTokenRetirement();
        }
        if (!authenticated) {
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
        Answer list = get(AuthStyle.NATURAL, "/api/v2/api_tokens.json");
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

    private Check zendeskTokenRetirement() {
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

    // -------------------------------------------------------------------------------------------

    private Answer get(AuthStyle style, String path) {
        requests++;
        Answer answer = exchange.get(style, path);
        if (answer.answered() && answer.response().rateLimits().account() != null) {
            account = answer.response().rateLimits().account();
        }
        return answer;
    }

    private Check add(Check check) {
        checks.add(check);
        return check;
    }

    private void skip(String why, CheckKey... keys) {
        for (CheckKey key : keys) {
            add(Check.skipped(key, why));
        }
    }

    private String resetText(RateLimits.Window window) {
        if (window.resetsInSeconds() < 0) {
            return " at the start of the next minute";
        }
        return " in " + window.resetsInSeconds() + " s (at "
                + CLOCK_TIME.format(now.plusSeconds(window.resetsInSeconds())) + ")";
    }

    private static String retryAfter(ZendeskResponse r) {
        return r.rateLimits().retryAfterSeconds().isPresent()
                ? " (Retry-After " + r.rateLimits().retryAfterSeconds().getAsLong() + " s)"
                : "";
    }

    /** {@code 401 "Couldn't authenticate you"}, {@code 200}, or a non-JSON body's first words. */
    private static String summary(ZendeskResponse r) {
        if (r.ok()) {
            return Integer.toString(r.status());
        }
        String text = r.errorSummary();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String describe(ZendeskResponse r) {
        String type = r.header("Content-Type").orElse("no Content-Type");
        if (r.body() != null) {
            return r.status() + " (" + type + ")";
        }
        String text = r.text().strip().replaceAll("\\s+", " ");
        return r.status() + " (" + type + ")"
                + (text.isEmpty() ? "" : ": \"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"");
    }

    private static boolean hasUserId(JsonNode body) {
        return body != null && body.path("user").hasNonNull("id");
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String article(String role) {
        if (role == null) {
            return "a user without a role";
        }
        return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role;
    }

    private static String duration(long minutes) {
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    private static CheckStatus worst(CheckStatus a, CheckStatus b) {
        return a == CheckStatus.FAIL || b == CheckStatus.FAIL
                ? CheckStatus.FAIL
                : a == CheckStatus.WARN || b == CheckStatus.WARN ? CheckStatus.WARN : CheckStatus.PASS;
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }
}
