package io.deskbridge.desk.activity;

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
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TicketActivity a) {
        jdbc.sql("""
                INSERT INTO ticket_activities (user_id, actor_id, verb, title, ticket_id, subject, comment,
                                               comment_public, created_at, updated_at)
                VALUES (:userId, :actorId, :verb, :title, :ticketId, :subject, :comment, :commentPublic, :at, :at)
                """)
                .param("userId", a.userId())
                .param("actorId", a.actorId())
                .param("verb", a.verb())
                .param("title", truncate(a.title(), 1000))
                .param("ticketId", a.ticketId())
                .param("subject", truncate(a.subject(), 1000))
                .param("comment", truncate(a.comment(), 65000))
                .param("commentPublic", a.commentPublic())
                .param("at", utc(a.createdAt()))
                .update();
    }

    /** The user's activities created at or after {@code since}, in the query's order and window. */
    List<TicketActivity> page(long userId, Instant since, PageQuery page) {
        Map<String, Object> params = new HashMap<>(page.boundaryParams());
        params.put("userId", userId);
        params.put("since", utc(since));
        return jdbc.sql("SELECT * FROM ticket_activities WHERE user_id = :userId AND created_at >= :since"
                        + page.boundarySql().map(b -> " AND " + b).orElse("")
                        + page.orderAndWindowSql())
                .params(params)
                .query(ActivityRepository::map)
                .list();
    }

    long count(long userId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_activities WHERE user_id = :userId AND created_at >= :since")
                .param("userId", userId)
                .param("since", utc(since))
                .query(Long.class)
                .single();
    }

    Optional<TicketActivity> find(long id) {
        return jdbc.sql("SELECT * FROM ticket_activities WHERE id = :id")
                .param("id", id)
                .query(ActivityRepository::map)
                .optional();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static TicketActivity map(ResultSet rs, int n) throws SQLException {
        return new TicketActivity(
                rs.getLong("id"),
                rs.getLong("user_id"),
                (Long) rs.getObject("actor_id", Long.class),
                rs.getString("verb"),
                rs.getString("title"),
                rs.getLong("ticket_id"),
                rs.getString("subject"),
                rs.getString("comment"),
                (Boolean) rs.getObject("comment_public", Boolean.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    /** The rows of a permanently deleted ticket ({@code TicketPurged}). */
    void deleteOfTicket(long ticketId) {
        jdbc.sql("DELETE FROM ticket_activities WHERE ticket_id = :ticketId")
                .param("ticketId", ticketId)
                .update();
    }
}
