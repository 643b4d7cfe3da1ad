package io.deskbridge.desk.oauth;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OAuthPolicyRepository {

    private final JdbcClient jdbc;

    OAuthPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OAuthLifetimes load() {
        return jdbc.sql("SELECT * FROM oauth_policy WHERE id = 1")
                .query((rs, n) -> new OAuthLifetimes(
                        rs.getInt("access_default_seconds"),
                        rs.getInt("access_max_seconds"),
                        rs.getInt("refresh_default_seconds"),
                        rs.getInt("refresh_max_seconds")))
                .single();
    }

    void save(OAuthLifetimes lifetimes, Instant now) {
        jdbc.sql("""
                UPDATE oauth_policy SET access_default_seconds = :accessDefault, access_max_seconds = :accessMax,
                       refresh_default_seconds = :refreshDefault, refresh_max_seconds = :refreshMax, updated_at = :now
                 WHERE id = 1
                """)
                .param("accessDefault", lifetimes.accessDefault())
                .param("accessMax", lifetimes.accessMax())
                .param("refreshDefault", lifetimes.refreshDefault())
                .param("refreshMax", lifetimes.refreshMax())
                .param("now", OAuthClientRepository.at(now))
                .update();
    }
}
