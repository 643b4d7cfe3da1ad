package io.deskbridge.desk.apitoken;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

    private static final String SELECT_ROW = """
            SELECT t.*, u.name AS owner_name FROM api_tokens t JOIN users u ON u.id = t.owner_id
            """;

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What verification needs, found by either the current or the rotated-away hash. */
    record HashMatch(
            long id,
            long ownerId,
            TokenScope scope,
            AuthenticatesAs authenticatesAs,
            boolean active,
            Instant expiresAt,
            boolean previous,
            Instant previousValidUntil) {}

    Optional<HashMatch> findByHash(String hash) {
        return jdbc.sql("""
                SELECT id, owner_id, scope, authenticates_as, active, expires_at, token_hash, previous_valid_until
                  FROM api_tokens WHERE token_hash = :hash OR previous_token_hash = :hash
                """)
                .param("hash", hash)
                .query((rs, n) -> new HashMatch(
                        rs.getLong("id"),
                        rs.getLong("owner_id"),
                        TokenScope.valueOf(rs.getString("scope")),
                        AuthenticatesAs.valueOf(rs.getString("authenticates_as")),
                        rs.getBoolean("active"),
                        instant(rs, "expires_at"),
                        !hash.equals(rs.getString("token_hash")),
                        instant(rs, "previous_valid_until")))
                .optional();
    }

    /**
     * Rewrites a token's hash (or its rotated-away hash, {@code previous}) from an older pepper to the
     * current one; 0 when another instance already did.
     */
    int rehash(long id, boolean previous, String oldHash, String newHash, int pepperVersion) {
        String sql = previous ? """
                  UPDATE api_tokens SET previous_token_hash = :newHash, previous_pepper_version = :pepper
                   WHERE id = :id AND previous_token_hash = :oldHash
                  """ : """
                  UPDATE api_tokens SET token_hash = :newHash, pepper_version = :pepper
                   WHERE id = :id AND token_hash = :oldHash
                  """;
        return jdbc.sql(sql)
                .param("id", id)
                .param("oldHash", oldHash)
                .param("newHash", newHash)
                .param("pepper", pepperVersion)
                .update();
    }

    List<TokenRow> findAll() {
        return jdbc.sql(SELECT_ROW + " ORDER BY t.created_at DESC, t.id DESC")
                .query(ApiTokenRepository::map)
                .list();
    }

    Optional<TokenRow> findById(long id) {
        return jdbc.sql(SELECT_ROW + " WHERE t.id = :id")
                .param("id", id)
                .query(ApiTokenRepository::map)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM api_tokens").query(Long.class).single();
    }

    long insert(long ownerId, NewApiToken token, String hash, int pepperVersion, String hint, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_tokens (owner_id, description, token_hash, pepper_version, hint, scope,
                                        authenticates_as, active, expires_at, created_at, updated_at)
                VALUES (:owner, :description, :hash, :pepper, :hint, :scope, :authAs, TRUE, :expires, :now, :now)
                """)
                .param("owner", ownerId)
                .param("description", token.description())
                .param("hash", hash)
                .param("pepper", pepperVersion)
                .param("hint", hint)
                .param("scope", token.scope().name())
                .param("authAs", token.authenticatesAs().name())
                .param("expires", ts(token.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int updateDescription(long id, String description, Instant now) {
        return jdbc.sql("UPDATE api_tokens SET description = :description, updated_at = :now WHERE id = :id")
                .param("description", description)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    /** Deactivates an active token; 0 when it was not active (another instance got there first). */
    int deactivate(long id, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE api_tokens SET active = FALSE, deactivated_at = :now, deactivation_reason = :reason,
                                      updated_at = :now
                 WHERE id = :id AND active = TRUE
                """)
                .param("now", ts(now))
                .param("reason", reason)
                .param("id", id)
                .update();
    }

    int reactivate(long id, Instant now) {
        return jdbc.sql("""
                UPDATE api_tokens SET active = TRUE, deactivated_at = NULL, deactivation_reason = NULL,
                                      reactivated_at = :now, updated_at = :now
                 WHERE id = :id AND active = FALSE
                """).param("now", ts(now)).param("id", id).update();
    }

    int delete(long id) {
        return jdbc.sql("DELETE FROM api_tokens WHERE id = :id").param("id", id).update();
    }

    int rotate(long id, String newHash, int pepperVersion, String hint, Instant previousValidUntil, Instant now) {
        return jdbc.sql("""
                UPDATE api_tokens
                   SET previous_token_hash = CASE WHEN :keepPrevious THEN token_hash ELSE NULL END,
                       previous_pepper_version = CASE WHEN :keepPrevious THEN pepper_version ELSE NULL END,
                       previous_valid_until = :previousUntil,
                       token_hash = :hash, pepper_version = :pepper, hint = :hint,
                       rotated_at = :now, updated_at = :now
                 WHERE id = :id
                """)
                .param("keepPrevious", previousValidUntil != null)
                .param("previousUntil", ts(previousValidUntil), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("hash", newHash)
                .param("pepper", pepperVersion)
                .param("hint", hint)
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    void recordUse(long id, Instant at, String ip) {
        jdbc.sql("""
                UPDATE api_tokens SET last_used_at = :at, last_used_ip = :ip
                 WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)
                """).param("at", ts(at)).param("ip", ip).param("id", id).update();
    }

    // --- lifecycle sweeps: each returns the rows it may act on; the act itself is conditional ---

    List<TokenRow> withExpiredGrace(Instant now) {
        return jdbc.sql(SELECT_ROW + " WHERE t.previous_token_hash IS NOT NULL AND t.previous_valid_until <= :now")
                .param("now", ts(now))
                .query(ApiTokenRepository::map)
                .list();
    }

    int endGrace(long id, Instant now) {
        return jdbc.sql("""
                UPDATE api_tokens SET previous_token_hash = NULL, previous_pepper_version = NULL,
                                      previous_valid_until = NULL
                 WHERE id = :id AND previous_token_hash IS NOT NULL AND previous_valid_until <= :now
                """).param("id", id).param("now", ts(now)).update();
    }

    /** Stops a token's rotated-away value at once (it was reported leaked); 0 when it had none. */
    int dropPrevious(long id) {
        return jdbc.sql("""
                UPDATE api_tokens SET previous_token_hash = NULL, previous_pepper_version = NULL,
                                      previous_valid_until = NULL
                 WHERE id = :id AND previous_token_hash IS NOT NULL
                """).param("id", id).update();
    }

    List<TokenRow> newlyExpired(Instant now) {
        return jdbc.sql(SELECT_ROW + " WHERE t.expires_at <= :now AND t.expiry_audited = FALSE")
                .param("now", ts(now))
                .query(ApiTokenRepository::map)
                .list();
    }

    int markExpiryAudited(long id) {
        return jdbc.sql("UPDATE api_tokens SET expiry_audited = TRUE WHERE id = :id AND expiry_audited = FALSE")
                .param("id", id)
                .update();
    }

    /** Active tokens whose last activity (use, creation or reactivation) is before the cutoff. */
    List<TokenRow> idleSince(Instant cutoff) {
        return jdbc.sql(SELECT_ROW + """
                 WHERE t.active = TRUE
                   AND COALESCE(t.last_used_at, t.created_at) < :cutoff
                   AND (t.reactivated_at IS NULL OR t.reactivated_at < :cutoff)
                """)
                .param("cutoff", ts(cutoff))
                .query(ApiTokenRepository::map)
                .list();
    }

    List<TokenRow> deactivatedBefore(Instant cutoff) {
        return jdbc.sql(SELECT_ROW + " WHERE t.active = FALSE AND t.deactivated_at < :cutoff")
                .param("cutoff", ts(cutoff))
                .query(ApiTokenRepository::map)
                .list();
    }

    int deleteIfDeactivatedBefore(long id, Instant cutoff) {
        return jdbc.sql("DELETE FROM api_tokens WHERE id = :id AND active = FALSE AND deactivated_at < :cutoff")
                .param("id", id)
                .param("cutoff", ts(cutoff))
                .update();
    }

    private static TokenRow map(ResultSet rs, int row) throws SQLException {
        return new TokenRow(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getString("owner_name"),
                rs.getString("description"),
                rs.getString("hint"),
                TokenScope.valueOf(rs.getString("scope")),
                AuthenticatesAs.valueOf(rs.getString("authenticates_as")),
                rs.getBoolean("active"),
                instant(rs, "deactivated_at"),
                rs.getString("deactivation_reason"),
                instant(rs, "expires_at"),
                instant(rs, "previous_valid_until"),
                instant(rs, "rotated_at"),
                instant(rs, "last_used_at"),
                rs.getString("last_used_ip"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
