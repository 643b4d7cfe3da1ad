package io.deskbridge.desk.oauth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scopes of a grant, Zendesk's vocabulary: {@code read} (every GET), {@code write} (every POST,
 * PUT, PATCH, DELETE) and {@code resource:read} / {@code resource:write} for the resources Zendesk
 * lets you scope. Resources Zendesk marks read-only or write-only accept only that access.
 *
 * <p>Decisions: an unknown scope is refused when the token is requested ({@code invalid_scope}, the
 * description names it) instead of Zendesk's "token issued, every request Forbidden", which only
 * hides the mistake. {@code impersonate} is refused: desk has no acting on behalf of end users.
 * {@code unrestricted} is not offered either.
 */
public record OAuthScopes(Set<String> values) {

    public static final String READ = "read";
    public static final String WRITE = "write";

    /** Resource → the accesses it accepts (from Zendesk's "Resources that can be scoped"). */
    static final Map<String, Set<Access>> RESOURCES = Map.ofEntries(
            Map.entry("tickets", Set.of(Access.READ, Access.WRITE)),
            Map.entry("users", Set.of(Access.READ, Access.WRITE)),
            Map.entry("auditlogs", Set.of(Access.READ)),
            Map.entry("organizations", Set.of(Access.READ, Access.WRITE)),
            Map.entry("hc", Set.of(Access.READ, Access.WRITE)),
            Map.entry("apps", Set.of(Access.READ, Access.WRITE)),
            Map.entry("triggers", Set.of(Access.READ, Access.WRITE)),
            Map.entry("automations", Set.of(Access.READ, Access.WRITE)),
            Map.entry("targets", Set.of(Access.READ, Access.WRITE)),
            Map.entry("webhooks", Set.of(Access.READ, Access.WRITE)),
            Map.entry("macros", Set.of(Access.READ, Access.WRITE)),
            Map.entry("requests", Set.of(Access.READ, Access.WRITE)),
            Map.entry("satisfaction_ratings", Set.of(Access.READ, Access.WRITE)),
            Map.entry("dynamic_content", Set.of(Access.READ, Access.WRITE)),
            Map.entry("any_channel", Set.of(Access.WRITE)),
            Map.entry("web_widget", Set.of(Access.WRITE)),
            Map.entry("security", Set.of(Access.READ)));

    /** What a request needs: reading or writing. */
    public enum Access {
        READ("read"),
        WRITE("write");

        private final String wireName;

        Access(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public OAuthScopes {
        values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /**
     * Parses a space-separated {@code scope} parameter, refusing what desk does not grant.
     *
     * @throws OAuthException {@code invalid_scope} naming the first scope it cannot grant
     */
    public static OAuthScopes parse(String scope) {
        if (scope == null || scope.isBlank()) {
            throw OAuthException.invalidScope("scope is missing; ask for one or more of read, write, "
                    + "tickets:read, users:write, ... (space-separated)");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : scope.trim().split("[ ]+")) {
            if (value.equals("impersonate")) {
                throw OAuthException.invalidScope("impersonate is not supported by this desk: tokens act as the "
                        + "user who approved them (or, for client credentials, the admin who created the client)");
            }
            if (!isKnown(value)) {
                throw OAuthException.invalidScope("\"" + value + "\" is not a scope this desk grants: use read, write "
                        + "or resource:read / resource:write with a resource of " + String.join(", ", sorted()));
            }
            values.add(value);
        }
        return new OAuthScopes(values);
    }

    /** Reads scopes stored by {@link #stored()}; they were valid when granted. */
    static OAuthScopes fromStored(String stored) {
        return new OAuthScopes(new LinkedHashSet<>(List.of(stored.split(" "))));
    }

    String stored() {
        return String.join(" ", values);
    }

    /** The {@code scope} response parameter: space-separated, in the order granted. */
    public String wire() {
        return String.join(" ", values);
    }

    public List<String> asList() {
        return new ArrayList<>(values);
    }

    /** True when every scope of {@code other} is also in this grant (narrowing on refresh). */
    boolean includesAll(OAuthScopes other) {
        return values.containsAll(other.values);
    }

    /** True when this grant lets a request with {@code access} to {@code resource} (null: none) through. */
    public boolean allows(String resource, Access access) {
        if (values.contains(access.wireName())) {
            return true;
        }
        return resource != null && values.contains(resource + ":" + access.wireName());
    }

    private static boolean isKnown(String value) {
        if (value.equals(READ) || value.equals(WRITE)) {
            return true;
        }
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        Set<Access> accesses = RESOURCES.get(value.substring(0, colon));
        String access = value.substring(colon + 1);
        return accesses != null && accesses.stream().anyMatch(a -> a.wireName().equals(access));
    }

    private static List<String> sorted() {
        return RESOURCES.keySet().stream().sorted().toList();
    }
}
