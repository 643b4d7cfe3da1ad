package io.deskbridge.sync.hint;

import io.deskbridge.sync.vault.SealedSecret;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code hint_secrets}: one sealed signing secret per connection. */
@Repository
class HintRepository {

    private final JdbcClient jdbc;

    HintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SealedSecret> find(long connectionId) {
        return jdbc.sql("SELECT master_key_id, wrapped_key, ciphertext FROM hint_secrets WHERE connection_id = :c")
                .param("c", connectionId)
                .query((rs, n) -> new SealedSecret(
                        rs.getLong("master_key_id"), rs.getString("wrapped_key"), rs.getString("ciphertext")))
                .optional();
    }

    void save(long connectionId, SealedSecret sealed, Instant now) {
        jdbc.sql("""
                MERGE INTO hint_secrets t
                USING (SELECT CAST(:c AS BIGINT) AS connection_id) s ON t.connection_id = s.connection_id
                 WHEN MATCHED THEN UPDATE SET master_key_id = :k, wrapped_key = :w, ciphertext = :x, updated_at = :now
                 WHEN NOT MATCHED THEN INSERT (connection_id, master_key_id, wrapped_key, ciphertext, updated_at)
                      VALUES (s.connection_id, :k, :w, :x, :now)
                """)
                .param("c", connectionId)
                .param("k", sealed.masterKeyId())
                .param("w", sealed.wrappedKey())
                .param("x", sealed.ciphertext())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /** Hint secrets whose data key another master key than {@code primaryKeyId} wrapped, by connection. */
    List<Wrapped> notWrappedBy(long primaryKeyId) {
        return jdbc.sql("SELECT connection_id, master_key_id, wrapped_key, ciphertext FROM hint_secrets"
                        + " WHERE master_key_id <> :k")
                .param("k", primaryKeyId)
                .query((rs, n) -> new Wrapped(
                        rs.getLong("connection_id"),
                        new SealedSecret(
                                rs.getLong("master_key_id"), rs.getString("wrapped_key"), rs.getString("ciphertext"))))
                .list();
    }

    record Wrapped(long connectionId, SealedSecret sealed) {}

    void rewrap(Wrapped old, SealedSecret rewrapped) {
        jdbc.sql("UPDATE hint_secrets SET master_key_id = :k, wrapped_key = :w"
                        + " WHERE connection_id = :c AND wrapped_key = :old")
                .param("k", rewrapped.masterKeyId())
                .param("w", rewrapped.wrappedKey())
                .param("c", old.connectionId())
                .param("old", old.sealed().wrappedKey())
                .update();
    }

    boolean delete(long connectionId) {
        return jdbc.sql("DELETE FROM hint_secrets WHERE connection_id = :c")
                        .param("c", connectionId)
                        .update()
                > 0;
    }
}
