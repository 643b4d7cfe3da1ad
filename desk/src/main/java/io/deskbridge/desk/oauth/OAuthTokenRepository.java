package io.deskbridge.desk.oauth;

import static io.deskbridge.desk.oauth.OAuthClientRepository.at;
import static io.deskbridge.desk.oauth.OAuthClientRepository.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OAuthTokenRepository {

    private final JdbcClient jdbc;

    OAuthTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new row holds; hashes are HMACs, hints the values' first characters. */
    record NewToken(
            long clientId,
            long userId,
            Long familyId,
            GrantType grantType,
            OAuthScopes scopes,
            String accessHash,
            String accessHint,
            Instant accessExpiresAt,
            String refreshHash,
            String refreshHint,
            Instant refreshExpiresAt) {}

    /** An authorization code as stored. */
    record CodeRow(
            String codeHash,
            long clientId,
            long userId,
            String redirectUri,
            OAuthScopes scopes,
            String codeChallenge,
            Instant expiresAt,
            Instant usedAt,
            Long tokenFamilyId) {}

    long insert(NewToken t, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO oauth_tokens (client_id, user_id, family_id, grant_type, scopes, access_hash, access_hint,
                                          access_expires_at, refresh_hash, refresh_hint, refresh_expires_at, created_at)
                VALUES (:client, :user, :family, :grant, :scopes, :accessHash, :accessHint, :accessExpires,
                        :refreshHash, :refreshHint, :refreshExpires, :now)
                """)
                .param("client", t.clientId())
                .param("user", t.userId())
                .param("family", t.familyId(), Types.BIGINT)
                .param("grant", t.grantType().name())
                .param("scopes", t.scopes().stored())
                .param("accessHash", t.accessHash())
                .param("accessHint", t.accessHint())
                .param("accessExpires", at(t.accessExpiresAt()))
                .param("refreshHash", t.refreshHash(), Types.VARCHAR)
                .param("refreshHint", t.refreshHint(), Types.VARCHAR)
                .param("refreshExpires", at(t.refreshExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", at(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (t.familyId() == null) {
            jdbc.sql("UPDATE oauth_tokens SET family_id = id WHERE id = :id")
                    .param("id", id)
                    .update();
        }
        return id;
    }

    Optional<OAuthToken> findById(long id) {
        return jdbc.sql("SELECT * FROM oauth_tokens WHERE id = :id")
                .param("id", id)
                .query(OAuthTokenRepository::map)
                .optional();
    }

    Optional<OAuthToken> findByAccessHash(String hash) {
        return jdbc.sql("SELECT * FROM oauth_tokens WHERE access_hash = :hash")
                .param("hash", hash)
                .query(OAuthTokenRepository::map)
                .optional();
    }

    Optional<OAuthToken> findByRefreshHash(String hash) {
        return jdbc.sql("SELECT * FROM oauth_tokens WHERE refresh_hash = :hash")
                .param("hash", hash)
                .query(OAuthTokenRepository::map)
                .optional();
    }

    /** Tokens not revoked whose access or refresh token still works at {@code now}, newest first. */
    List<OAuthToken> findLive(Long userId, Long clientId, Instant now) {
        return jdbc.sql("""
                SELECT * FROM oauth_tokens
                 WHERE revoked_at IS NULL
                   AND (access_expires_at > :now OR refresh_expires_at > :now)
                   AND (CAST(:user AS BIGINT) IS NULL OR user_id = :user)
                   AND (CAST(:client AS BIGINT) IS NULL OR client_id = :client)
                 ORDER BY id DESC
                """)
                .param("now", at(now))
                .param("user", userId, Types.BIGINT)
                .param("client", clientId, Types.BIGINT)
                .query(OAuthTokenRepository::map)
                .list();
    }

    /** Revokes one token if it is not revoked yet; 1 when this call revoked it. */
    int revoke(long id, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE oauth_tokens SET revoked_at = :now, revocation_reason = :reason
                 WHERE id = :id AND revoked_at IS NULL
                """)
                .param("id", id)
                .param("reason", reason)
                .param("now", at(now))
                .update();
    }

    /** Revokes every token of a family not revoked yet; how many. */
    int revokeFamily(long familyId, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE oauth_tokens SET revoked_at = :now, revocation_reason = :reason
                 WHERE family_id = :family AND revoked_at IS NULL
                """)
                .param("family", familyId)
                .param("reason", reason)
                .param("now", at(now))
                .update();
    }

    void insertCode(CodeRow code, Instant now) {
        jdbc.sql("""
                INSERT INTO oauth_authorization_codes (code_hash, client_id, user_id, redirect_uri, scopes,
                                                       code_challenge, expires_at, created_at)
                VALUES (:hash, :client, :user, :redirect, :scopes, :challenge, :expires, :now)
                """)
                .param("hash", code.codeHash())
                .param("client", code.clientId())
                .param("user", code.userId())
                .param("redirect", code.redirectUri())
                .param("scopes", code.scopes().stored())
                .param("challenge", code.codeChallenge(), Types.VARCHAR)
                .param("expires", at(code.expiresAt()))
                .param("now", at(now))
                .update();
    }

    Optional<CodeRow> findCode(String hash) {
        return jdbc.sql("SELECT * FROM oauth_authorization_codes WHERE code_hash = :hash")
                .param("hash", hash)
                .query((rs, n) -> new CodeRow(
                        rs.getString("code_hash"),
                        rs.getLong("client_id"),
                        rs.getLong("user_id"),
                        rs.getString("redirect_uri"),
                        OAuthScopes.fromStored(rs.getString("scopes")),
                        rs.getString("code_challenge"),
                        instant(rs, "expires_at"),
                        instant(rs, "used_at"),
                        rs.getObject("token_family_id", Long.class)))
                .optional();
    }

    /** Marks a code used if nobody has; 1 when this call won it. */
    int useCode(String hash, Instant now) {
        return jdbc.sql(
                        "UPDATE oauth_authorization_codes SET used_at = :now WHERE code_hash = :hash AND used_at IS NULL")
                .param("hash", hash)
                .param("now", at(now))
                .update();
    }

    void linkCodeToFamily(String hash, long familyId) {
        jdbc.sql("UPDATE oauth_authorization_codes SET token_family_id = :family WHERE code_hash = :hash")
                .param("hash", hash)
                .param("family", familyId)
                .update();
    }

    /** Codes expired before {@code cutoff} are of no use, not even for reuse detection. */
    int deleteCodesExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM oauth_authorization_codes WHERE expires_at < :cutoff")
                .param("cutoff", at(cutoff))
                .update();
    }

    /** Token rows whose access and refresh tokens (if any) both expired before {@code cutoff}. */
    int deleteTokensUnusableBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM oauth_tokens WHERE COALESCE(refresh_expires_at, access_expires_at) < :cutoff"
                        + " AND access_expires_at < :cutoff")
                .param("cutoff", at(cutoff))
                .update();
    }

    private static OAuthToken map(ResultSet rs, int n) throws SQLException {
        return new OAuthToken(
                rs.getLong("id"),
                rs.getLong("client_id"),
                rs.getLong("user_id"),
                rs.getLong("family_id"),
                GrantType.valueOf(rs.getString("grant_type")),
                OAuthScopes.fromStored(rs.getString("scopes")),
                rs.getString("access_hint"),
                instant(rs, "access_expires_at"),
                rs.getString("refresh_hint"),
                instant(rs, "refresh_expires_at"),
                instant(rs, "revoked_at"),
                rs.getString("revocation_reason"),
                instant(rs, "created_at"));
    }
}
