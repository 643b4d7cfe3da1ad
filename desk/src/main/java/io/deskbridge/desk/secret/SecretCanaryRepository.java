package io.deskbridge.desk.secret;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One value sealed by the first instance that started on this database (table {@code secret_canary}):
 * every later start proves its keyset opens it before it seals or opens anything else.
 */
@Repository
class SecretCanaryRepository {

    private final JdbcClient jdbc;

    SecretCanaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> find() {
        return jdbc.sql("SELECT sealed FROM secret_canary WHERE id = 1")
                .query(String.class)
                .optional();
    }

    /** Stores the canary; false when another instance stored one first. */
    boolean insert(String sealed, Instant now) {
        try {
            jdbc.sql("INSERT INTO secret_canary (id, sealed, created_at) VALUES (1, :sealed, :now)")
                    .param("sealed", sealed)
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException anotherInstanceWon) {
            return false;
        }
    }
}
