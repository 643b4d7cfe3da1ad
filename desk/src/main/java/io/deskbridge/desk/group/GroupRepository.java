package io.deskbridge.desk.group;

import io.deskbridge.desk.pagination.PageQuery;
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
class GroupRepository {

    private final JdbcClient jdbc;

    GroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Group> findById(long id) {
        return jdbc.sql("SELECT * FROM agent_groups WHERE id = :id AND deleted = FALSE")
                .param("id", id)
                .query(GroupRepository::map)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM agent_groups WHERE deleted = FALSE")
                .query(Long.class)
                .single();
    }

    List<Group> page(PageQuery page) {
        return jdbc.sql("SELECT * FROM agent_groups WHERE deleted = FALSE"
                        + page.boundarySql().map(b -> " AND " + b).orElse("")
                        + page.orderAndWindowSql())
                .params(page.boundaryParams())
                .query(GroupRepository::map)
                .list();
    }

    long insert(String name, String description, boolean isPublic, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO agent_groups (name, description, is_public, created_at, updated_at)
                VALUES (:name, :description, :isPublic, :now, :now)
                """)
                .param("name", name)
                .param("description", description)
                .param("isPublic", isPublic)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, String name, String description, boolean isPublic, Instant now) {
        jdbc.sql("""
                UPDATE agent_groups SET name = :name, description = :description, is_public = :isPublic,
                 updated_at = :now WHERE id = :id AND deleted = FALSE
                """)
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("isPublic", isPublic)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    void markDeleted(long id, Instant now) {
        jdbc.sql("UPDATE agent_groups SET deleted = TRUE, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    private static Group map(ResultSet rs, int row) throws SQLException {
        return new Group(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getBoolean("is_public"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
