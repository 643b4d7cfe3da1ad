package io.deskbridge.sync.migration;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An API token as the account's token list ({@code GET /api/v2/api_tokens}) shows it.
 *
 * @param id null when the token could not be matched
 * @param lastUsedAt null when unknown or never used
 * @param expiresAt null when it never expires or is unknown
 * @param note what was found, in words
 */
record TokenStanding(Long id, Instant lastUsedAt, Instant expiresAt, String note) {

    static TokenStanding unknown(String why) {
        return new TokenStanding(null, null, null, "The token's last use and expiry are unknown: " + why + ".");
    }

    /**
     * The one listed token whose visible form ends with this token's last four characters. Decision
     * (the same as diagnostics' token lifetime check): the list shows tokens masked ({@code dsk_…abcd}),
     * so the last four are all there is to match on; two tokens ending alike count as unknown.
     */
    static TokenStanding match(JsonNode tokens, String value) {
        if (tokens == null || !tokens.isArray() || value == null || value.length() < 8) {
            return unknown("the account's token list has no tokens");
        }
        String tail = value.substring(value.length() - 4);
        JsonNode found = null;
        for (JsonNode t : tokens) {
            JsonNode visible = t.get("visible_token");
            if (visible != null && visible.isString() && visible.asString().endsWith(tail)) {
                if (found != null) {
                    return unknown("two tokens in the account's list end like this one");
                }
                found = t;
            }
        }
        if (found == null) {
            return unknown("the account's token list has no token ending like this one");
        }
        long id = found.path("id").asLong();
        Instant lastUsed = instant(found, "last_used");
        Instant expires = instant(found, "expires_at");
        return new TokenStanding(
                id,
                lastUsed,
                expires,
                "Token " + id + (lastUsed == null ? " was never used" : " was last used at " + lastUsed)
                        + (expires == null ? "; it has no expiry." : "; it expires at " + expires + "."));
    }

    private static Instant instant(JsonNode token, String field) {
        JsonNode node = token.get(field);
        return node != null && node.isString() ? Instant.parse(node.asString()) : null;
    }
}
