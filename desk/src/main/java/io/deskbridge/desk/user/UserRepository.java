package io.deskbridge.desk.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT * FROM users WHERE id = :id")
                .param("id", id)
                .query(UserRepository::map)
                .optional();
    }

    Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE email_normalized = :email")
                .param("email", normalize(email))
                .query(UserRepository::map)
                .optional();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    long insert(String name, String email, Role role, String passwordHash, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO users (name, email, email_normalized, role, active, suspended, verified,
                                   password_hash, created_at, updated_at)
                VALUES (:name, :email, :normalized, :role, TRUE, FALSE, TRUE, :hash, :now, :now)
                """)
                .param("name", name)
                .param("email", email)
                .param("normalized", normalize(email))
                .param("role", role.name())
                .param("hash", passwordHash)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int updateFlags(long id, boolean active, boolean suspended, Instant now) {
        return jdbc.sql("UPDATE users SET active = :active, suspended = :suspended, updated_at = :now WHERE id = :id")
                .param("active", active)
                .param("suspended", suspended)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    void recordLogin(long id, Instant now) {
        jdbc.sql("UPDATE users SET last_login_at = :now WHERE id = :id")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"),
                rs.getBoolean("suspended"),
                rs.getBoolean("verified"),
                rs.getString("time_zone"),
                rs.getString("locale"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "last_login_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
