package io.deskbridge.desk.suspendedticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class SuspendedTicketRepository {

    private final JdbcClient jdbc;

    SuspendedTicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SuspendedTicket> all() {
        return jdbc.sql("SELECT * FROM suspended_tickets ORDER BY created_at, id")
                .query(SuspendedTicketRepository::map)
                .list();
    }

    Optional<SuspendedTicket> find(long id) {
        return jdbc.sql("SELECT * FROM suspended_tickets WHERE id = :id")
                .param("id", id)
                .query(SuspendedTicketRepository::map)
                .optional();
    }

    List<SuspendedTicket> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM suspended_tickets WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query(SuspendedTicketRepository::map)
                .list();
    }

    long insert(SuspendedTicket t) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO suspended_tickets (subject, content, author_id, author_name, author_email, recipient,
                    cause, cause_id, message_id, brand_id, ticket_id, via_channel, created_at, updated_at)
                VALUES (:subject, :content, :authorId, :authorName, :authorEmail, :recipient, :cause, :causeId,
                    :messageId, :brandId, :ticketId, :via, :createdAt, :createdAt)
                """)
                .param("subject", t.subject())
                .param("content", t.content())
                .param("authorId", t.authorId())
                .param("authorName", t.authorName())
                .param("authorEmail", t.authorEmail())
                .param("recipient", t.recipient())
                .param("cause", t.cause())
                .param("causeId", t.causeId())
                .param("messageId", t.messageId())
                .param("brandId", t.brandId())
                .param("ticketId", t.ticketId())
                .param("via", t.viaChannel())
                .param("createdAt", utc(t.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    int delete(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM suspended_tickets WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static SuspendedTicket map(ResultSet rs, int row) throws SQLException {
        return new SuspendedTicket(
                rs.getLong("id"),
                rs.getString("subject"),
                rs.getString("content"),
                nullableLong(rs, "author_id"),
                rs.getString("author_name"),
                rs.getString("author_email"),
                rs.getString("recipient"),
                rs.getString("cause"),
                rs.getLong("cause_id"),
                rs.getString("message_id"),
                nullableLong(rs, "brand_id"),
                nullableLong(rs, "ticket_id"),
                rs.getString("via_channel"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
