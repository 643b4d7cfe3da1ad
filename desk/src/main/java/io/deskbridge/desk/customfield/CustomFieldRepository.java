package io.deskbridge.desk.customfield;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CustomFieldRepository {

    private final JdbcClient jdbc;

    CustomFieldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every field of a kind, in position then id order, with its options. */
    List<FieldDefinition> list(FieldOwner owner) {
        List<FieldDefinition> fields = jdbc.sql(
                        "SELECT * FROM custom_fields WHERE owner = :owner ORDER BY position, id")
                .param("owner", owner.column())
                .query(CustomFieldRepository::map)
                .list();
        Map<Long, List<FieldOption>> options =
                jdbc.sql("""
                        SELECT o.* FROM custom_field_options o JOIN custom_fields f ON f.id = o.field_id
                         WHERE f.owner = :owner ORDER BY o.position, o.id
                        """).param("owner", owner.column()).query(CustomFieldRepository::mapOption).list().stream()
                        .collect(Collectors.groupingBy(FieldOption::fieldId));
        return fields.stream()
                .map(f -> f.withOptions(options.getOrDefault(f.id(), List.of())))
                .toList();
    }

    Optional<FieldDefinition> find(FieldOwner owner, long id) {
        return jdbc.sql("SELECT * FROM custom_fields WHERE owner = :owner AND id = :id")
                .param("owner", owner.column())
                .param("id", id)
                .query(CustomFieldRepository::map)
                .optional()
                .map(f -> f.withOptions(options(f.id())));
    }

    Optional<FieldDefinition> findByKey(FieldOwner owner, String key) {
        return jdbc.sql("SELECT * FROM custom_fields WHERE owner = :owner AND field_key = :key")
                .param("owner", owner.column())
                .param("key", key)
                .query(CustomFieldRepository::map)
                .optional()
                .map(f -> f.withOptions(options(f.id())));
    }

    List<FieldOption> options(long fieldId) {
        return jdbc.sql("SELECT * FROM custom_field_options WHERE field_id = :id ORDER BY position, id")
                .param("id", fieldId)
                .query(CustomFieldRepository::mapOption)
                .list();
    }

    int nextPosition(FieldOwner owner) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM custom_fields WHERE owner = :owner")
                .param("owner", owner.column())
                .query(Integer.class)
                .single();
    }

    long insert(FieldDefinition f, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO custom_fields (owner, field_key, type, title, description, agent_description,
                    title_in_portal, position, active, required, required_in_portal, visible_in_portal,
                    editable_in_portal, collapsed_for_agents, regexp_for_validation, tag, system_field,
                    created_at, updated_at)
                VALUES (:owner, :key, :type, :title, :description, :agentDescription, :titleInPortal, :position,
                    :active, :required, :requiredInPortal, :visibleInPortal, :editableInPortal,
                    :collapsedForAgents, :regexp, :tag, FALSE, :now, :now)
                """)
                .params(columns(f))
                .param("owner", f.owner().column())
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(FieldDefinition f, Instant now) {
        jdbc.sql("""
                UPDATE custom_fields SET field_key = :key, type = :type, title = :title, description = :description,
                    agent_description = :agentDescription, title_in_portal = :titleInPortal, position = :position,
                    active = :active, required = :required, required_in_portal = :requiredInPortal,
                    visible_in_portal = :visibleInPortal, editable_in_portal = :editableInPortal,
                    collapsed_for_agents = :collapsedForAgents, regexp_for_validation = :regexp, tag = :tag,
                    updated_at = :now
                 WHERE id = :id
                """)
                .params(columns(f))
                .param("id", f.id())
                .param("now", utc(now))
                .update();
    }

    boolean delete(FieldOwner owner, long id) {
        jdbc.sql("DELETE FROM custom_field_options WHERE field_id = :id")
                .param("id", id)
                .update();
        return jdbc.sql("DELETE FROM custom_fields WHERE owner = :owner AND id = :id AND system_field = FALSE")
                        .param("owner", owner.column())
                        .param("id", id)
                        .update()
                > 0;
    }

    void setPosition(long id, int position, Instant now) {
        jdbc.sql("UPDATE custom_fields SET position = :position, updated_at = :now WHERE id = :id")
                .param("position", position)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    void touch(long fieldId, Instant now) {
        jdbc.sql("UPDATE custom_fields SET updated_at = :now WHERE id = :id")
                .param("now", utc(now))
                .param("id", fieldId)
                .update();
    }

    long insertOption(long fieldId, String name, String value, int position, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO custom_field_options (field_id, name, option_value, position, created_at, updated_at)
                VALUES (:fieldId, :name, :value, :position, :now, :now)
                """)
                .param("fieldId", fieldId)
                .param("name", name)
                .param("value", value)
                .param("position", position)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateOption(long optionId, String name, String value, int position, Instant now) {
        jdbc.sql("""
                UPDATE custom_field_options SET name = :name, option_value = :value, position = :position,
                    updated_at = :now WHERE id = :id
                """)
                .param("name", name)
                .param("value", value)
                .param("position", position)
                .param("now", utc(now))
                .param("id", optionId)
                .update();
    }

    void deleteOption(long optionId) {
        jdbc.sql("DELETE FROM custom_field_options WHERE id = :id")
                .param("id", optionId)
                .update();
    }

    private static Map<String, Object> columns(FieldDefinition f) {
        java.util.HashMap<String, Object> p = new java.util.HashMap<>();
        p.put("key", f.key());
        p.put("type", f.type().wireName());
        p.put("title", f.title());
        p.put("description", f.description());
        p.put("agentDescription", f.agentDescription());
        p.put("titleInPortal", f.titleInPortal());
        p.put("position", f.position());
        p.put("active", f.active());
        p.put("required", f.required());
        p.put("requiredInPortal", f.requiredInPortal());
        p.put("visibleInPortal", f.visibleInPortal());
        p.put("editableInPortal", f.editableInPortal());
        p.put("collapsedForAgents", f.collapsedForAgents());
        p.put("regexp", f.regexpForValidation());
        p.put("tag", f.tag());
        return p;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    // Zendesk writes timestamps to the second; the system fields seeded by V8_1 carry CURRENT_TIMESTAMP micros.
    private static FieldDefinition map(ResultSet rs, int row) throws SQLException {
        return new FieldDefinition(
                rs.getLong("id"),
                FieldOwner.valueOf(rs.getString("owner").toUpperCase(Locale.ROOT)),
                rs.getString("field_key"),
                FieldType.fromWireName(rs.getString("type")).orElseThrow(),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("agent_description"),
                rs.getString("title_in_portal"),
                rs.getInt("position"),
                rs.getBoolean("active"),
                rs.getBoolean("required"),
                rs.getBoolean("required_in_portal"),
                rs.getBoolean("visible_in_portal"),
                rs.getBoolean("editable_in_portal"),
                rs.getBoolean("collapsed_for_agents"),
                rs.getString("regexp_for_validation"),
                rs.getString("tag"),
                rs.getBoolean("system_field"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS),
                List.of());
    }

    private static FieldOption mapOption(ResultSet rs, int row) throws SQLException {
        return new FieldOption(
                rs.getLong("id"),
                rs.getLong("field_id"),
                rs.getString("name"),
                rs.getString("option_value"),
                rs.getInt("position"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS));
    }
}
