package io.deskbridge.desk.pagination;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keys desk generates for itself and every instance shares (table {@code server_keys}). */
@Repository
class ServerKeyRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    ServerKeyRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The named key, generated on first use; concurrent first uses agree on one key. */
    byte[] loadOrCreate(String name, int bytes) {
        var existing = jdbc.sql("SELECT key_value FROM server_keys WHERE name = :name")
                .param("name", name)
                .query(String.class)
                .optional();
        if (existing.isPresent()) {
            return Base64.getDecoder().decode(existing.get());
        }
        byte[] fresh = new byte[bytes];
        new SecureRandom().nextBytes(fresh);
        try {
            jdbc.sql("INSERT INTO server_keys (name, key_value, created_at) VALUES (:name, :value, :now)")
                    .param("name", name)
                    .param("value", Base64.getEncoder().encodeToString(fresh))
                    .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
            return fresh;
        } catch (DuplicateKeyException anotherInstanceWon) {
            return loadOrCreate(name, bytes);
        }
    }
}
