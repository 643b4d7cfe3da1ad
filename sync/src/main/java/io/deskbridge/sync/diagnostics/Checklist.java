package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.zendesk.RateLimits;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The checklist: one small {@link ChecklistStep} per check, composed in order (Keycloak's
 * {@code TokenVerifier.withChecks} style), over whatever answers {@link Exchange} brings (a real
 * account in production, hand-written answers in the unit tests). A step that needs earlier checks to
 * have passed names them ({@link ChecklistStep#requires()}) and is skipped with the first one's reason
 * otherwise. One run sends at most nine requests (two when authentication fails), none of them twice:
 * a diagnostics run must not spend the account's quota.
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

    static final String ME = "/api/v2/users/me.json";
    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The steps, in the order they run: one per {@link CheckKey}. */
    static final List<ChecklistStep> STEPS = List.of(
            new AddressCheck(),
            new ReachableCheck(),
            new CredentialsCheck(),
            new AuthenticationCheck(),
            new IdentityCheck(),
            new UserCheck(),
            new StreamsCheck(),
            new RateLimitCheck(),
            new TokenLifetimeCheck());

    private Checklist() {}

    /**
     * What one run found.
     *
     * @param authenticated whether the credential was accepted as a real user
     * @param user what {@code /users/me} answered once authentication passed; null otherwise
     */
    record Outcome(List<Check> checks, int requests, boolean authenticated, JsonNode user) {}

    static Outcome run(Subject subject, Exchange exchange, Instant now) {
        return run(STEPS, subject, exchange, now);
    }

    static Outcome run(List<ChecklistStep> steps, Subject subject, Exchange exchange, Instant now) {
        Map<CheckKey, String> blocks = new LinkedHashMap<>();
        steps.forEach(step -> blocks.put(step.key(), step.blocks()));
        ChecklistRun run = new ChecklistRun(subject, exchange, now);
        for (ChecklistStep step : steps) {
            Optional<String> blocked = step.requires().stream()
                    .filter(key -> run.status(key) != CheckStatus.PASS)
                    .map(blocks::get)
                    .findFirst();
            run.add(blocked.isPresent() ? Check.skipped(step.key(), blocked.get()) : step.check(run));
        }
        return new Outcome(List.copyOf(run.checks()), run.requests(), run.authenticated(), run.user());
    }

    // The steps' shared wording ------------------------------------------------------------------

    static String resetText(RateLimits.Window window, Instant now) {
        if (window.resetsInSeconds() < 0) {
            return " at the start of the next minute";
        }
        return " in " + window.resetsInSeconds() + " s (at "
                + CLOCK_TIME.format(now.plusSeconds(window.resetsInSeconds())) + ")";
    }

    static String retryAfter(ZendeskResponse r) {
        return r.rateLimits().retryAfterSeconds().isPresent()
                ? " (Retry-After " + r.rateLimits().retryAfterSeconds().getAsLong() + " s)"
                : "";
    }

    /** {@code 401 "Couldn't authenticate you"}, {@code 200}, or a non-JSON body's first words. */
    static String summary(ZendeskResponse r) {
        if (r.ok()) {
            return Integer.toString(r.status());
        }
        String text = r.errorSummary();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static String describe(ZendeskResponse r) {
        String type = r.header("Content-Type").orElse("no Content-Type");
        if (r.body() != null) {
            return r.status() + " (" + type + ")";
        }
        String text = r.text().strip().replaceAll("\\s+", " ");
        return r.status() + " (" + type + ")"
                + (text.isEmpty() ? "" : ": \"" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "\"");
    }

    static boolean hasUserId(JsonNode body) {
        return body != null && body.path("user").hasNonNull("id");
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String article(String role) {
        if (role == null) {
            return "a user without a role";
        }
        return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role;
    }

    static String duration(long minutes) {
        return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    static CheckStatus worst(CheckStatus a, CheckStatus b) {
        return a == CheckStatus.FAIL || b == CheckStatus.FAIL
                ? CheckStatus.FAIL
                : a == CheckStatus.WARN || b == CheckStatus.WARN ? CheckStatus.WARN : CheckStatus.PASS;
    }

    static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }
}
