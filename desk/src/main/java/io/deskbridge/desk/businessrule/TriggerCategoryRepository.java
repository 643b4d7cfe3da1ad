package io.deskbridge.desk.businessrule;

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

/** Table {@code trigger_categories}. */
@Repository
class TriggerCategoryRepository {

    private final JdbcClient jdbc;

    TriggerCategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TriggerCategory> all() {
        return jdbc.sql("SELECT * FROM trigger_categories ORDER BY position, id")
                .query(TriggerCategoryRepository::map)
                .list();
    }

    Optional<TriggerCategory> find(long id) {
        return jdbc.sql("SELECT * FROM trigger_categories WHERE id = :id")
                .param("id", id)
                .query(TriggerCategoryRepository::map)
                .optional();
    }

    long nextPosition() {
        return jdbc.sql("SELECT COALESCE(MAX(position) + 1, 0) FROM trigger_categories")
                .query(Long.class)
                .single();
    }

    long insert(String name, long position, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO trigger_categories (name, position, created_at, updated_at)
                VALUES (:name, :position, :now, :now)
                """)
                .param("name", name)
                .param("position", position)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, String name, long position, Instant now) {
        jdbc.sql("UPDATE trigger_categories SET name = :name, position = :position, updated_at = :now WHERE id = :id")
                .param("name", name)
                .param("position", position)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM trigger_categories WHERE id = :id")
                .param("id", id)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static TriggerCategory map(ResultSet rs, int row) throws SQLException {
        return new TriggerCategory(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("position"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
