package io.deskbridge.sync.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String event, Actor actor, Long connectionId, Long requestLinkId, String description, Instant at) {
        jdbc.sql("""
                INSERT INTO audit_log (event, actor_type, actor, ip_address, user_agent, connection_id,
                                       request_link_id, description, created_at)
                VALUES (:event, :actorType, :actor, :ip, :userAgent, :connectionId,
                        :requestLinkId, :description, :at)
                """)
                .param("event", event)
                .param("actorType", actor.type().wireName())
                .param("actor", truncate(actor.name(), 320))
                .param("ip", truncate(actor.ipAddress(), 64))
                .param("userAgent", truncate(actor.userAgent(), 255))
                .param("connectionId", connectionId)
                .param("requestLinkId", requestLinkId)
                .param("description", truncate(description, 2000))
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    List<AuditEntry> find(Long connectionId, int offset, int limit) {
        return jdbc.sql("SELECT * FROM audit_log"
                        + (connectionId == null ? "" : " WHERE connection_id = :connectionId")
                        + " ORDER BY id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params(connectionId))
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getString("event"),
                        rs.getString("actor_type"),
                        rs.getString("actor"),
                        rs.getString("ip_address"),
                        rs.getString("user_agent"),
                        rs.getObject("connection_id", Long.class),
                        rs.getObject("request_link_id", Long.class),
                        rs.getString("description"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    long count(Long connectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log"
                        + (connectionId == null ? "" : " WHERE connection_id = :connectionId"))
                .params(params(connectionId))
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> params(Long connectionId) {
        return connectionId == null ? Map.of() : Map.of("connectionId", connectionId);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
