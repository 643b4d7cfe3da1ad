package io.deskbridge.desk.satisfaction;

import io.deskbridge.desk.pagination.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SatisfactionRatingRepository {

    private final JdbcClient jdbc;

    SatisfactionRatingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SatisfactionRating> find(long id) {
        return jdbc.sql("SELECT * FROM satisfaction_ratings WHERE id = :id")
                .param("id", id)
                .query(SatisfactionRatingRepository::map)
                .optional();
    }

    Optional<SatisfactionRating> findByTicket(long ticketId) {
        return jdbc.sql("SELECT * FROM satisfaction_ratings WHERE ticket_id = :ticketId")
                .param("ticketId", ticketId)
                .query(SatisfactionRatingRepository::map)
                .optional();
    }

    List<SatisfactionRating> page(SatisfactionRatingFilter filter, PageQuery page) {
        Where where = where(filter);
        String sql = "SELECT * FROM satisfaction_ratings WHERE " + where.sql()
                + page.boundarySql().map(b -> " AND " + b).orElse("")
                + page.orderAndWindowSql();
        return jdbc.sql(sql)
                .params(where.params())
                .params(page.boundaryParams())
                .query(SatisfactionRatingRepository::map)
                .list();
    }

    long count(SatisfactionRatingFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM satisfaction_ratings WHERE " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    long insert(SatisfactionRating r) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO satisfaction_ratings (ticket_id, requester_id, assignee_id, group_id, score, comment,
                    reason_code, created_at, updated_at)
                VALUES (:ticketId, :requesterId, :assigneeId, :groupId, :score, :comment, :reasonCode, :at, :at)
                """)
                .param("ticketId", r.ticketId())
                .param("requesterId", r.requesterId())
                .param("assigneeId", r.assigneeId(), Types.BIGINT)
                .param("groupId", r.groupId(), Types.BIGINT)
                .param("score", r.score())
                .param("comment", r.comment(), Types.VARCHAR)
                .param("reasonCode", r.reasonCode(), Types.INTEGER)
                .param("at", utc(r.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A new rating of an already rated ticket replaces the old one's values. */
    void replace(long id, SatisfactionRating r) {
        jdbc.sql("""
                UPDATE satisfaction_ratings SET assignee_id = :assigneeId, group_id = :groupId, score = :score,
                    comment = :comment, reason_code = :reasonCode, updated_at = :at
                 WHERE id = :id
                """)
                .param("assigneeId", r.assigneeId(), Types.BIGINT)
                .param("groupId", r.groupId(), Types.BIGINT)
                .param("score", r.score())
                .param("comment", r.comment(), Types.VARCHAR)
                .param("reasonCode", r.reasonCode(), Types.INTEGER)
                .param("at", utc(r.updatedAt()))
                .param("id", id)
                .update();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(SatisfactionRatingFilter filter) {
        if (filter.scores().isEmpty()) {
            return new Where("1 = 0", Map.of());
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        parts.add("score IN (:scores)");
        params.put("scores", filter.scores());
        if (filter.comment() != null) {
            parts.add(filter.comment() ? "comment IS NOT NULL" : "comment IS NULL");
        }
        if (filter.start() != null) {
            parts.add("created_at >= :start");
            params.put("start", utc(filter.start()));
        }
        if (filter.end() != null) {
            parts.add("created_at <= :end");
            params.put("end", utc(filter.end()));
        }
        return new Where(String.join(" AND ", parts), params);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static SatisfactionRating map(ResultSet rs, int row) throws SQLException {
        return new SatisfactionRating(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                rs.getLong("requester_id"),
                rs.getObject("assignee_id", Long.class),
                rs.getObject("group_id", Long.class),
                rs.getString("score"),
                rs.getString("comment"),
                rs.getObject("reason_code", Integer.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** The rows of a permanently deleted ticket ({@code TicketPurged}). */
    void deleteOfTicket(long ticketId) {
        jdbc.sql("DELETE FROM satisfaction_ratings WHERE ticket_id = :ticketId")
                .param("ticketId", ticketId)
                .update();
    }
}
