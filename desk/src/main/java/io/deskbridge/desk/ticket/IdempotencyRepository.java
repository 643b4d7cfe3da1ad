package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdempotencyRepository {

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Claim(String requestHash, Long ticketId) {}

    /** The live claim of this key (older ones expire and are dropped). */
    Optional<Claim> find(long userId, String key, Instant notBefore) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE user_id = :user AND key_value = :key AND created_at < :notBefore")
                .param("user", userId)
                .param("key", key)
                .param("notBefore", OffsetDateTime.ofInstant(notBefore, ZoneOffset.UTC))
                .update();
        return jdbc.sql(
                        "SELECT request_hash, ticket_id FROM idempotency_keys WHERE user_id = :user AND key_value = :key")
                .param("user", userId)
                .param("key", key)
                .query((rs, n) -> new Claim(rs.getString("request_hash"), rs.getObject("ticket_id", Long.class)))
                .optional();
    }

    void claim(long userId, String key, String requestHash, Instant now) {
        jdbc.sql("""
                INSERT INTO idempotency_keys (user_id, key_value, request_hash, created_at)
                VALUES (:user, :key, :hash, :now)
                """)
                .param("user", userId)
                .param("key", key)
                .param("hash", requestHash)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /** Forgets the keys that created the ticket: a replay after a permanent delete creates a new one. */
    void forgetTicket(long ticketId) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE ticket_id = :ticket")
                .param("ticket", ticketId)
                .update();
    }

    void complete(long userId, String key, long ticketId) {
        jdbc.sql("UPDATE idempotency_keys SET ticket_id = :ticket WHERE user_id = :user AND key_value = :key")
                .param("ticket", ticketId)
                .param("user", userId)
                .param("key", key)
                .update();
    }
}
