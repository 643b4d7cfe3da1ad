package io.deskbridge.sync.handover;

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
class RequestLinkRepository {

    private final JdbcClient jdbc;

    RequestLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long connectionId, String tokenHash, String createdBy, Instant now, Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO request_links (connection_id, token_hash, created_by, created_at, expires_at)
                VALUES (:connectionId, :tokenHash, :createdBy, :now, :expiresAt)
                """)
                .param("connectionId", connectionId)
                .param("tokenHash", tokenHash)
                .param("createdBy", createdBy)
                .param("now", timestamp(now))
                .param("expiresAt", timestamp(expiresAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<RequestLink> find(long id) {
        return jdbc.sql("SELECT * FROM request_links WHERE id = :id")
                .param("id", id)
                .query(RequestLinkRepository::link)
                .optional();
    }

    Optional<RequestLink> findByTokenHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM request_links WHERE token_hash = :tokenHash")
                .param("tokenHash", tokenHash)
                .query(RequestLinkRepository::link)
                .optional();
    }

    /** Newest first. */
    List<RequestLink> forConnection(long connectionId) {
        return jdbc.sql("SELECT * FROM request_links WHERE connection_id = :connectionId ORDER BY id DESC")
                .param("connectionId", connectionId)
                .query(RequestLinkRepository::link)
                .list();
    }

    /** Revokes the connection's links that could still be used; returns their ids. */
    List<Long> revokeOpen(long connectionId, Instant now) {
        List<Long> open = jdbc.sql("""
                SELECT id FROM request_links
                 WHERE connection_id = :connectionId AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                 ORDER BY id
                """)
                .param("connectionId", connectionId)
                .param("now", timestamp(now))
                .query(Long.class)
                .list();
        for (Long id : open) {
            jdbc.sql("UPDATE request_links SET revoked_at = :now WHERE id = :id AND used_at IS NULL")
                    .param("id", id)
                    .param("now", timestamp(now))
                    .update();
        }
        return open;
    }

    /**
     * Marks the link used if it still is open. One row lock decides between concurrent submissions:
     * exactly one of them gets true.
     */
    boolean claim(long id, String ipAddress, Instant now) {
        return jdbc.sql("""
                        UPDATE request_links SET used_at = :now, used_from_ip = :ip
                         WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        """)
                        .param("id", id)
                        .param("ip", ipAddress)
                        .param("now", timestamp(now))
                        .update()
                == 1;
    }

    private static RequestLink link(ResultSet rs, int row) throws SQLException {
        return new RequestLink(
                rs.getLong("id"),
                rs.getLong("connection_id"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                instant(rs, "used_at"),
                rs.getString("used_from_ip"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
