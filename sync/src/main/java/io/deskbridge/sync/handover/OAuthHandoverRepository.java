package io.deskbridge.sync.handover;

import io.deskbridge.sync.vault.SealedSecret;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The OAuth clients of request links and the states of "Connect with Zendesk" attempts. */
@Repository
class OAuthHandoverRepository {

    /** A link's client; {@code secret} is null for a public client. */
    record StoredClient(long requestLinkId, String clientId, String scope, SealedSecret secret) {}

    /** One attempt; {@code verifier} is the sealed PKCE code verifier. */
    record StoredState(long id, long requestLinkId, SealedSecret verifier, Instant expiresAt, Instant usedAt) {}

    /** A sealed value to re-wrap: its table's key and the link it is bound to. */
    record Wrapped(long key, long requestLinkId, SealedSecret sealed) {}

    private final JdbcClient jdbc;

    OAuthHandoverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertClient(long requestLinkId, String clientId, String scope, SealedSecret secret) {
        jdbc.sql("""
                INSERT INTO request_link_oauth_clients
                       (request_link_id, client_id, scope, master_key_id, wrapped_key, ciphertext)
                VALUES (:link, :clientId, :scope, :keyId, :wrapped, :ciphertext)
                """)
                .param("link", requestLinkId)
                .param("clientId", clientId)
                .param("scope", scope)
                .param("keyId", secret == null ? null : secret.masterKeyId())
                .param("wrapped", secret == null ? null : secret.wrappedKey())
                .param("ciphertext", secret == null ? null : secret.ciphertext())
                .update();
    }

    Optional<StoredClient> client(long requestLinkId) {
        return jdbc.sql("SELECT * FROM request_link_oauth_clients WHERE request_link_id = :link")
                .param("link", requestLinkId)
                .query((rs, row) -> new StoredClient(
                        rs.getLong("request_link_id"),
                        rs.getString("client_id"),
                        rs.getString("scope"),
                        rs.getString("ciphertext") == null ? null : sealed(rs)))
                .optional();
    }

    void insertState(long requestLinkId, String stateHash, SealedSecret verifier, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO request_link_oauth_states
                       (request_link_id, state_hash, master_key_id, wrapped_key, ciphertext, created_at, expires_at)
                VALUES (:link, :hash, :keyId, :wrapped, :ciphertext, :now, :expiresAt)
                """)
                .param("link", requestLinkId)
                .param("hash", stateHash)
                .param("keyId", verifier.masterKeyId())
                .param("wrapped", verifier.wrappedKey())
                .param("ciphertext", verifier.ciphertext())
                .param("now", timestamp(now))
                .param("expiresAt", timestamp(expiresAt))
                .update();
    }

    Optional<StoredState> state(String stateHash) {
        return jdbc.sql("SELECT * FROM request_link_oauth_states WHERE state_hash = :hash")
                .param("hash", stateHash)
                .query((rs, row) -> new StoredState(
                        rs.getLong("id"),
                        rs.getLong("request_link_id"),
                        sealed(rs),
                        instant(rs, "expires_at"),
                        instant(rs, "used_at")))
                .optional();
    }

    /** Marks the attempt used if it is unused and unexpired; exactly one of concurrent callers gets true. */
    boolean claimState(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE request_link_oauth_states SET used_at = :now
                         WHERE id = :id AND used_at IS NULL AND expires_at > :now
                        """).param("id", id).param("now", timestamp(now)).update() == 1;
    }

    List<Wrapped> clientsNotWrappedBy(long masterKeyId) {
        return jdbc.sql("""
                SELECT * FROM request_link_oauth_clients
                 WHERE ciphertext IS NOT NULL AND master_key_id <> :keyId
                """)
                .param("keyId", masterKeyId)
                .query((rs, row) ->
                        new Wrapped(rs.getLong("request_link_id"), rs.getLong("request_link_id"), sealed(rs)))
                .list();
    }

    void rewrapClient(Wrapped old, SealedSecret rewrapped) {
        jdbc.sql("""
                UPDATE request_link_oauth_clients SET master_key_id = :keyId, wrapped_key = :wrapped
                 WHERE request_link_id = :key AND wrapped_key = :old
                """)
                .param("keyId", rewrapped.masterKeyId())
                .param("wrapped", rewrapped.wrappedKey())
                .param("key", old.key())
                .param("old", old.sealed().wrappedKey())
                .update();
    }

    List<Wrapped> statesNotWrappedBy(long masterKeyId) {
        return jdbc.sql("SELECT * FROM request_link_oauth_states WHERE master_key_id <> :keyId")
                .param("keyId", masterKeyId)
                .query((rs, row) -> new Wrapped(rs.getLong("id"), rs.getLong("request_link_id"), sealed(rs)))
                .list();
    }

    void rewrapState(Wrapped old, SealedSecret rewrapped) {
        jdbc.sql("""
                UPDATE request_link_oauth_states SET master_key_id = :keyId, wrapped_key = :wrapped
                 WHERE id = :key AND wrapped_key = :old
                """)
                .param("keyId", rewrapped.masterKeyId())
                .param("wrapped", rewrapped.wrappedKey())
                .param("key", old.key())
                .param("old", old.sealed().wrappedKey())
                .update();
    }

    private static SealedSecret sealed(ResultSet rs) throws SQLException {
        return new SealedSecret(rs.getLong("master_key_id"), rs.getString("wrapped_key"), rs.getString("ciphertext"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
