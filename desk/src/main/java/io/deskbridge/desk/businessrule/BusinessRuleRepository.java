package io.deskbridge.desk.businessrule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class BusinessRuleRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    BusinessRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BusinessRule> all(RuleKind kind) {
        return jdbc.sql("SELECT * FROM business_rules WHERE kind = :kind ORDER BY position, id")
                .param("kind", kind.column())
                .query(BusinessRuleRepository::map)
                .list();
    }

    /**
     * The active rules of a kind in the order they run: triggers without a category first, then by
     * their category's position; within that by position, then id.
     */
    List<BusinessRule> active(RuleKind kind) {
        return jdbc.sql("""
                        SELECT r.* FROM business_rules r LEFT JOIN trigger_categories c ON c.id = r.category_id
                         WHERE r.kind = :kind AND r.active = TRUE
                         ORDER BY c.position NULLS FIRST, c.id NULLS FIRST, r.position, r.id
                        """)
                .param("kind", kind.column())
                .query(BusinessRuleRepository::map)
                .list();
    }

    Optional<BusinessRule> find(RuleKind kind, long id) {
        return jdbc.sql("SELECT * FROM business_rules WHERE kind = :kind AND id = :id")
                .param("kind", kind.column())
                .param("id", id)
                .query(BusinessRuleRepository::map)
                .optional();
    }

    int nextPosition(RuleKind kind) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM business_rules WHERE kind = :kind")
                .param("kind", kind.column())
                .query(Integer.class)
                .single();
    }

    long insert(BusinessRule r, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO business_rules (kind, title, description, active, position, conditions, actions,
                    execution, created_at, updated_at, category_id)
                VALUES (:kind, :title, :description, :active, :position, :conditions, :actions, :execution,
                    :now, :now, :categoryId)
                """)
                .param("categoryId", r.categoryId(), java.sql.Types.BIGINT)
                .param("kind", r.kind().column())
                .param("title", r.title())
                .param("description", r.description())
                .param("active", r.active())
                .param("position", r.position())
                .param("conditions", JSON.writeValueAsString(r.conditions()))
                .param("actions", JSON.writeValueAsString(r.actions()))
                .param("execution", r.execution() == null ? null : JSON.writeValueAsString(r.execution()))
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(BusinessRule r, Instant now) {
        jdbc.sql("""
                UPDATE business_rules SET title = :title, description = :description, active = :active,
                    position = :position, conditions = :conditions, actions = :actions, execution = :execution,
                    updated_at = :now, category_id = :categoryId
                 WHERE id = :id
                """)
                .param("categoryId", r.categoryId(), java.sql.Types.BIGINT)
                .param("title", r.title())
                .param("description", r.description())
                .param("active", r.active())
                .param("position", r.position())
                .param("conditions", JSON.writeValueAsString(r.conditions()))
                .param("actions", JSON.writeValueAsString(r.actions()))
                .param("execution", r.execution() == null ? null : JSON.writeValueAsString(r.execution()))
                .param("now", utc(now))
                .param("id", r.id())
                .update();
    }

    void setPosition(long id, int position, Instant now) {
        jdbc.sql("UPDATE business_rules SET position = :position, updated_at = :now WHERE id = :id")
                .param("position", position)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    /** How many rules are in the category, active or not: {@code [active, inactive]}. */
    long[] countInCategory(long categoryId) {
        long active = jdbc.sql("SELECT COUNT(*) FROM business_rules WHERE category_id = :id AND active = TRUE")
                .param("id", categoryId)
                .query(Long.class)
                .single();
        long inactive = jdbc.sql("SELECT COUNT(*) FROM business_rules WHERE category_id = :id AND active = FALSE")
                .param("id", categoryId)
                .query(Long.class)
                .single();
        return new long[] {active, inactive};
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM business_rules WHERE id = :id").param("id", id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static BusinessRule map(ResultSet rs, int row) throws SQLException {
        String execution = rs.getString("execution");
        return new BusinessRule(
                rs.getLong("id"),
                RuleKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("title"),
                rs.getString("description"),
                rs.getBoolean("active"),
                rs.getInt("position"),
                JSON.readTree(rs.getString("conditions")),
                JSON.readTree(rs.getString("actions")),
                execution == null ? null : JSON.readTree(execution),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getObject("category_id", Long.class));
    }
}
