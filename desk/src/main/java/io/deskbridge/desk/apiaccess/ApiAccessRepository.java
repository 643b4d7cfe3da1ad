package io.deskbridge.desk.apiaccess;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiAccessRepository {

    private final JdbcClient jdbc;

    ApiAccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiAccessSettings load() {
        return jdbc.sql("SELECT * FROM account_settings WHERE id = 1")
                .query((rs, n) -> new ApiAccessSettings(
                        rs.getBoolean("api_token_access"),
                        rs.getBoolean("api_password_access"),
                        rs.getObject("token_max_lifetime_days", Integer.class),
                        rs.getInt("token_idle_days"),
                        rs.getInt("token_retention_days"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .single();
    }

    /** Locks the row so concurrent saves apply one after the other. */
    ApiAccessSettings loadForUpdate() {
        jdbc.sql("SELECT id FROM account_settings WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .single();
        return load();
    }

    void save(ApiAccessSettings s, Instant now) {
        jdbc.sql("""
                UPDATE account_settings
                   SET api_token_access = :tokenAccess, api_password_access = :passwordAccess,
                       token_max_lifetime_days = :maxDays, token_idle_days = :idleDays,
                       token_retention_days = :retentionDays, updated_at = :now
                 WHERE id = 1
                """)
                .param("tokenAccess", s.tokenAccess())
                .param("passwordAccess", s.passwordAccess())
                .param("maxDays", s.tokenMaxLifetimeDays(), java.sql.Types.INTEGER)
                .param("idleDays", s.tokenIdleDays())
                .param("retentionDays", s.tokenRetentionDays())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }
}
