package io.deskbridge.sync.vault;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One value sealed by the first instance that started on this database (table {@code vault_canary}):
 * every later start proves its master keyset opens it before it seals or opens a credential.
 */
@Repository
class VaultCanaryRepository {

    private final JdbcClient jdbc;

    VaultCanaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SealedSecret> find() {
        return jdbc.sql("SELECT wrapped_key, ciphertext FROM vault_canary WHERE id = 1")
                .query((rs, n) -> new SealedSecret(0, rs.getString("wrapped_key"), rs.getString("ciphertext")))
                .optional();
    }

    /** Stores the canary; false when another instance stored one first. */
    boolean insert(SealedSecret sealed, Instant now) {
        try {
            jdbc.sql("""
                    INSERT INTO vault_canary (id, wrapped_key, ciphertext, created_at)
                    VALUES (1, :wrappedKey, :ciphertext, :now)
                    """)
                    .param("wrappedKey", sealed.wrappedKey())
                    .param("ciphertext", sealed.ciphertext())
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException anotherInstanceWon) {
            return false;
        }
    }

    void update(String wrappedKey) {
        jdbc.sql("UPDATE vault_canary SET wrapped_key = :wrappedKey WHERE id = 1")
                .param("wrappedKey", wrappedKey)
                .update();
    }
}
