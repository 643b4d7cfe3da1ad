package io.deskbridge.sync.operator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OperatorRepository {

    record Row(long id, String email, String passwordHash) {

        @Override
        public String toString() {
            return "Row[id=" + id + ", email=" + email + "]";
        }
    }

    private final JdbcClient jdbc;

    OperatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM operators").query(Long.class).single();
    }

    long insert(String email, String passwordHash, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO operators (email, email_normalized, password_hash, created_at)
                VALUES (:email, :normalized, :hash, :now)
                """)
                .param("email", email)
                .param("normalized", normalize(email))
                .param("hash", passwordHash)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Row> findByEmail(String email) {
        return jdbc.sql("SELECT id, email, password_hash FROM operators WHERE email_normalized = :normalized")
                .param("normalized", normalize(email))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash")))
                .optional();
    }

    Optional<Row> findById(long id) {
        return jdbc.sql("SELECT id, email, password_hash FROM operators WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash")))
                .optional();
    }

    List<Row> findAll() {
        return jdbc.sql("SELECT id, email, password_hash FROM operators ORDER BY id")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash")))
                .list();
    }

    void updatePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE operators SET password_hash = :hash WHERE id = :id")
                .param("hash", passwordHash)
                .param("id", id)
                .update();
    }

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
