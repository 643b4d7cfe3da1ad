package io.deskbridge.desk.audit;

import io.deskbridge.desk.pagination.PageQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            String action,
            String event,
            Actor actor,
            String sourceType,
            Long sourceId,
            String sourceLabel,
            String changeDescription,
            Instant at) {
        jdbc.sql("""
                INSERT INTO audit_logs (action, event, actor_id, actor_name, source_type, source_id,
                                        source_label, change_description, ip_address, created_at)
                VALUES (:action, :event, :actorId, :actorName, :sourceType, :sourceId,
                        :sourceLabel, :changeDescription, :ip, :at)
                """)
                .param("action", action)
                .param("event", event)
                .param("actorId", actor.userId())
                .param("actorName", actor.name())
                .param("sourceType", sourceType)
                .param("sourceId", sourceId)
                .param("sourceLabel", truncate(sourceLabel, 255))
                .param("changeDescription", truncate(changeDescription, 2000))
                .param("ip", actor.ipAddress())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        Where where = where(filter);
        return where.bind(jdbc.sql("SELECT * FROM audit_logs" + where.sql
                        + " ORDER BY created_at DESC, id DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY"))
                .param("offset", offset)
                .param("limit", limit)
                .query(AuditRepository::map)
                .list();
    }

    private static AuditEntry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getString("action"),
                rs.getString("event"),
                (Long) rs.getObject("actor_id", Long.class),
                rs.getString("actor_name"),
                rs.getString("source_type"),
                (Long) rs.getObject("source_id", Long.class),
                rs.getString("source_label"),
                rs.getString("change_description"),
                rs.getString("ip_address"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** A window of the filtered log in the query's keyset order (created_at or id, id as tie-breaker). */
    List<AuditEntry> find(AuditFilter filter, PageQuery page) {
        Where where = where(filter);
        String boundary = page.boundarySql()
                .map(b -> (where.sql.isEmpty() ? " WHERE " : " AND ") + b)
                .orElse("");
        return where.bind(jdbc.sql("SELECT * FROM audit_logs" + where.sql + boundary + page.orderAndWindowSql()))
                .params(page.boundaryParams())
                .query(AuditRepository::map)
                .list();
    }

    long count(AuditFilter filter) {
        Where where = where(filter);
        return where.bind(jdbc.sql("SELECT COUNT(*) FROM audit_logs" + where.sql))
                .query(Long.class)
                .single();
    }

    private static Where where(AuditFilter filter) {
        StringJoiner sql = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        List<Object[]> params = new ArrayList<>();
        if (filter.sourceType() != null) {
            sql.add("source_type = :sourceType");
            params.add(new Object[] {"sourceType", filter.sourceType()});
        }
        if (filter.sourceId() != null) {
            sql.add("source_id = :sourceId");
            params.add(new Object[] {"sourceId", filter.sourceId()});
        }
        if (filter.actorId() != null) {
            sql.add("actor_id = :actorId");
            params.add(new Object[] {"actorId", filter.actorId()});
        }
        if (filter.ipAddress() != null) {
            sql.add("ip_address = :ip");
            params.add(new Object[] {"ip", filter.ipAddress()});
        }
        if (!filter.actions().isEmpty()) {
            sql.add("action IN (:actions)");
            params.add(new Object[] {"actions", filter.actions()});
        }
        if (filter.createdFrom() != null) {
            sql.add("created_at >= :createdFrom");
            params.add(new Object[] {"createdFrom", OffsetDateTime.ofInstant(filter.createdFrom(), ZoneOffset.UTC)});
        }
        if (filter.createdTo() != null) {
            sql.add("created_at <= :createdTo");
            params.add(new Object[] {"createdTo", OffsetDateTime.ofInstant(filter.createdTo(), ZoneOffset.UTC)});
        }
        return new Where(sql.toString(), params);
    }

    private record Where(String sql, List<Object[]> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            for (Object[] p : params) {
                spec = spec.param((String) p[0], p[1]);
            }
            return spec;
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
