package io.deskbridge.sync.connection;

import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.vault.SealedSecret;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ConnectionRepository {

    private final JdbcClient jdbc;

    ConnectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, ZendeskAddress address, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO connections (name, address, state, credential_version, created_at, updated_at)
                VALUES (:name, :address, :state, 0, :now, :now)
                """)
                .param("name", name)
                .param("address", address.toString())
                .param("state", ConnectionState.AWAITING_CREDENTIALS.name())
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Connection> find(long id) {
        return jdbc.sql("SELECT * FROM connections WHERE id = :id")
                .param("id", id)
                .query(ConnectionRepository::connection)
                .optional();
    }

    /** The connection, locked until the transaction ends: credential versions are handed out one at a time. */
    Optional<Connection> findForUpdate(long id) {
        return jdbc.sql("SELECT * FROM connections WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(ConnectionRepository::connection)
                .optional();
    }

    List<Connection> list() {
        return jdbc.sql("SELECT * FROM connections ORDER BY id")
                .query(ConnectionRepository::connection)
                .list();
    }

    /** Replaces the stored credential with {@code version} and marks the connection ready. */
    void storeCredential(long id, int version, Credential credential, SealedSecret sealed, Instant now) {
        jdbc.sql("DELETE FROM connection_credentials WHERE connection_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("""
                INSERT INTO connection_credentials (connection_id, version, master_key_id, wrapped_key, ciphertext, created_at)
                VALUES (:id, :version, :masterKeyId, :wrappedKey, :ciphertext, :now)
                """)
                .param("id", id)
                .param("version", version)
                .param("masterKeyId", sealed.masterKeyId())
                .param("wrappedKey", sealed.wrappedKey())
                .param("ciphertext", sealed.ciphertext())
                .param("now", timestamp(now))
                .update();
        jdbc.sql("""
                UPDATE connections
                   SET credential_version = :version, state = :state, auth_type = :authType,
                       auth_identity = :identity, credentials_received_at = :now, updated_at = :now
                 WHERE id = :id
                """)
                .param("id", id)
                .param("version", version)
                .param("state", ConnectionState.READY.name())
                .param("authType", credential.type().name())
                .param("identity", credential.identity())
                .param("now", timestamp(now))
                .update();
    }

    /** The sealed current credential and its version. */
    Optional<StoredCredential> credential(long id) {
        return jdbc.sql("""
                SELECT version, master_key_id, wrapped_key, ciphertext
                  FROM connection_credentials WHERE connection_id = :id
                """)
                .param("id", id)
                .query((rs, n) -> new StoredCredential(
                        rs.getInt("version"),
                        new SealedSecret(
                                rs.getLong("master_key_id"), rs.getString("wrapped_key"), rs.getString("ciphertext"))))
                .optional();
    }

    record StoredCredential(int version, SealedSecret sealed) {}

    /** Credentials whose data key another master key than {@code primaryKeyId} wrapped. */
    List<WrappedCredential> credentialsNotWrappedBy(long primaryKeyId) {
        return jdbc.sql("SELECT connection_id, version, master_key_id, wrapped_key, ciphertext"
                        + " FROM connection_credentials WHERE master_key_id <> :k")
                .param("k", primaryKeyId)
                .query((rs, n) -> new WrappedCredential(
                        rs.getLong("connection_id"),
                        rs.getInt("version"),
                        new SealedSecret(
                                rs.getLong("master_key_id"), rs.getString("wrapped_key"), rs.getString("ciphertext"))))
                .list();
    }

    record WrappedCredential(long connectionId, int version, SealedSecret sealed) {}

    /** Replaces the wrap, unless the credential changed meanwhile (then it was sealed anew anyway). */
    void rewrapCredential(WrappedCredential old, SealedSecret rewrapped) {
        jdbc.sql("UPDATE connection_credentials SET master_key_id = :k, wrapped_key = :w"
                        + " WHERE connection_id = :c AND version = :v AND wrapped_key = :old")
                .param("k", rewrapped.masterKeyId())
                .param("w", rewrapped.wrappedKey())
                .param("c", old.connectionId())
                .param("v", old.version())
                .param("old", old.sealed().wrappedKey())
                .update();
    }

    private static Connection connection(ResultSet rs, int row) throws SQLException {
        String authType = rs.getString("auth_type");
        return new Connection(
                rs.getLong("id"),
                rs.getString("name"),
                ZendeskAddress.ofBaseUrl(rs.getString("address")),
                ConnectionState.valueOf(rs.getString("state")),
                rs.getInt("credential_version"),
                authType == null ? null : AuthType.valueOf(authType),
                rs.getString("auth_identity"),
                instant(rs, "credentials_received_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
