package io.deskbridge.desk.ticketform;

import io.deskbridge.desk.api.JsonText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TicketFormRepository {

    private final JdbcClient jdbc;

    TicketFormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TicketForm> all() {
        return jdbc.sql("SELECT * FROM ticket_forms ORDER BY position, id")
                .query(TicketFormRepository::map)
                .list();
    }

    Optional<TicketForm> find(long id) {
        return jdbc.sql("SELECT * FROM ticket_forms WHERE id = :id")
                .param("id", id)
                .query(TicketFormRepository::map)
                .optional();
    }

    int nextPosition() {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM ticket_forms")
                .query(Integer.class)
                .single();
    }

    long insert(TicketForm f, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ticket_forms (name, display_name, position, active, is_default, end_user_visible,
                    ticket_field_ids, created_at, updated_at)
                VALUES (:name, :displayName, :position, :active, FALSE, :endUserVisible, :fieldIds, :now, :now)
                """)
                .param("name", f.name())
                .param("displayName", f.displayName())
                .param("position", f.position())
                .param("active", f.active())
                .param("endUserVisible", f.endUserVisible())
                .param("fieldIds", JsonText.write(f.ticketFieldIds()))
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(TicketForm f, Instant now) {
        jdbc.sql("""
                UPDATE ticket_forms SET name = :name, display_name = :displayName, position = :position,
                    active = :active, end_user_visible = :endUserVisible, ticket_field_ids = :fieldIds,
                    updated_at = :now
                 WHERE id = :id
                """)
                .param("name", f.name())
                .param("displayName", f.displayName())
                .param("position", f.position())
                .param("active", f.active())
                .param("endUserVisible", f.endUserVisible())
                .param("fieldIds", JsonText.write(f.ticketFieldIds()))
                .param("now", utc(now))
                .param("id", f.id())
                .update();
    }

    void makeDefault(long id, Instant now) {
        jdbc.sql("""
                UPDATE ticket_forms SET is_default = (id = :id), updated_at = :now
                 WHERE id = :id OR is_default = TRUE
                """).param("id", id).param("now", utc(now)).update();
    }

    void setPosition(long id, int position, Instant now) {
        jdbc.sql("UPDATE ticket_forms SET position = :position, updated_at = :now WHERE id = :id")
                .param("position", position)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM ticket_forms WHERE id = :id").param("id", id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    // Zendesk writes timestamps to the second; rows seeded by migrations carry CURRENT_TIMESTAMP micros.
    private static TicketForm map(ResultSet rs, int row) throws SQLException {
        return new TicketForm(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("display_name"),
                rs.getInt("position"),
                rs.getBoolean("active"),
                rs.getBoolean("is_default"),
                rs.getBoolean("end_user_visible"),
                JsonText.longs(rs.getString("ticket_field_ids")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS));
    }
}
