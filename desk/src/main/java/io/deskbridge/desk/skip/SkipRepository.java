package io.deskbridge.desk.skip;

import io.deskbridge.desk.pagination.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SkipRepository {

    private final JdbcClient jdbc;

    SkipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which skips: of one agent and/or one ticket; null means any. */
    record Filter(Long userId, Long ticketId) {}

    List<TicketSkip> page(Filter filter, PageQuery page) {
        Map<String, Object> params = new HashMap<>(page.boundaryParams());
        String where =
                where(filter, params) + page.boundarySql().map(b -> " AND " + b).orElse("");
        return jdbc.sql("SELECT * FROM ticket_skips WHERE 1 = 1" + where + page.orderAndWindowSql())
                .params(params)
                .query(SkipRepository::map)
                .list();
    }

    long count(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM ticket_skips WHERE 1 = 1" + where(filter, params))
                .params(params)
                .query(Long.class)
                .single();
    }

    Optional<TicketSkip> find(long id) {
        return jdbc.sql("SELECT * FROM ticket_skips WHERE id = :id")
                .param("id", id)
                .query(SkipRepository::map)
                .optional();
    }

    long insert(long userId, long ticketId, String reason, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ticket_skips (user_id, ticket_id, reason, created_at, updated_at)
                VALUES (:userId, :ticketId, :reason, :now, :now)
                """)
                .param("userId", userId)
                .param("ticketId", ticketId)
                .param("reason", reason)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (filter.userId() != null) {
            sql.append(" AND user_id = :userId");
            params.put("userId", filter.userId());
        }
        if (filter.ticketId() != null) {
            sql.append(" AND ticket_id = :ticketId");
            params.put("ticketId", filter.ticketId());
        }
        return sql.toString();
    }

    private static TicketSkip map(ResultSet rs, int n) throws SQLException {
        return new TicketSkip(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getLong("ticket_id"),
                rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** The rows of a permanently deleted ticket ({@code TicketPurged}). */
    void deleteOfTicket(long ticketId) {
        jdbc.sql("DELETE FROM ticket_skips WHERE ticket_id = :ticketId")
                .param("ticketId", ticketId)
                .update();
    }
}
