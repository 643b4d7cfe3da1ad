package io.deskbridge.desk.oauth;

import io.deskbridge.desk.oauth.OAuthScopes.Access;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that decides which scope an {@code /api/v2} request needs, from its method and
 * path alone, so every controller (including ones written later) is covered without code of its
 * own. GET, HEAD and OPTIONS need {@code read}; everything else needs {@code write}; where the path
 * belongs to a scopable resource, {@code resource:read} / {@code resource:write} does too.
 *
 * <p>Decisions: the resource is the first path segment after {@code /api/v2/} (after
 * {@code incremental/} for exports), so {@code /users/{id}/tickets/requested} is a users request.
 * Paths that belong to no scopable resource (search, groups, account settings, API tokens, OAuth
 * clients) need the broad scope. {@code /api/v2/oauth/tokens/current} needs none: a token may always
 * look at and revoke itself. The missing-scope body names the resource scope when there is one
 * ({@code users:read}), else the broad one ({@code read}), in Zendesk's wording.
 *
 * <p>Reads that disclose a secret need write (issue 10): showing a webhook's signing secret ({@code
 * GET /webhooks/{id}/signing_secret}) lets the reader forge deliveries to the webhook's receiver, which
 * is a write's power, so it needs the scope that may also reset it ({@code webhooks:write} or {@code
 * write}), and read-only API tokens are refused it. Zendesk's documentation names no scope for this
 * endpoint; the refusal is Zendesk's missing-scope 403.
 */
public final class ScopeRules {

    private static final String API = "/api/v2/";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern SECRET_READS = Pattern.compile("/api/v2/webhooks/[^/]+/signing_secret");
    private static final Map<String, String> RESOURCE_BY_SEGMENT = Map.ofEntries(
            Map.entry("tickets", "tickets"),
            Map.entry("deleted_tickets", "tickets"),
            Map.entry("ticket_fields", "tickets"),
            Map.entry("ticket_forms", "tickets"),
            Map.entry("ticket_metrics", "tickets"),
            Map.entry("ticket_metric_events", "tickets"),
            Map.entry("ticket_audits", "tickets"),
            Map.entry("ticket_events", "tickets"),
            Map.entry("users", "users"),
            Map.entry("deleted_users", "users"),
            Map.entry("user_fields", "users"),
            Map.entry("organizations", "organizations"),
            Map.entry("organization_fields", "organizations"),
            Map.entry("organization_memberships", "organizations"),
            Map.entry("audit_logs", "auditlogs"),
            Map.entry("webhooks", "webhooks"),
            Map.entry("triggers", "triggers"),
            Map.entry("automations", "automations"),
            Map.entry("macros", "macros"),
            Map.entry("targets", "targets"),
            Map.entry("requests", "requests"),
            Map.entry("satisfaction_ratings", "satisfaction_ratings"),
            Map.entry("dynamic_content", "dynamic_content"),
            Map.entry("apps", "apps"),
            Map.entry("help_center", "hc"));

    private ScopeRules() {}

    /** The scope to name in the 403 when {@code scopes} do not let this request through; empty when they do. */
    public static Optional<String> missingScope(OAuthScopes scopes, String method, String path) {
        String normalized = normalize(path);
        if (normalized.equals(API + "oauth/tokens/current")) {
            return Optional.empty();
        }
        Access access = READ_METHODS.contains(method) && !readsASecret(normalized) ? Access.READ : Access.WRITE;
        String resource = resourceOf(normalized);
        if (scopes.allows(resource, access)) {
            return Optional.empty();
        }
        return Optional.of(resource == null ? access.wireName() : resource + ":" + access.wireName());
    }

    /** Whether this request needs write access: a write method, or a read that discloses a secret. */
    public static boolean needsWrite(String method, String path) {
        return !READ_METHODS.contains(method) || readsASecret(normalize(path));
    }

    private static boolean readsASecret(String normalizedPath) {
        return SECRET_READS.matcher(normalizedPath).matches();
    }

    /** The scopable resource a path belongs to, or null. */
    static String resourceOf(String path) {
        String normalized = normalize(path);
        if (!normalized.startsWith(API)) {
            return null;
        }
        String[] segments = normalized.substring(API.length()).split("/");
        String segment = segments[0];
        if (segment.equals("incremental") && segments.length > 1) {
            segment = segments[1];
        }
        return RESOURCE_BY_SEGMENT.get(segment);
    }

    private static String normalize(String path) {
        String p = path.endsWith(".json") ? path.substring(0, path.length() - 5) : path;
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }
}
