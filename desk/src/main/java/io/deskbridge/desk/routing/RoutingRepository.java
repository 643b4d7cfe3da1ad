package io.deskbridge.desk.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoutingRepository {

    private final JdbcClient jdbc;

    RoutingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RoutingAttribute> attributes() {
        return jdbc.sql("SELECT * FROM routing_attributes ORDER BY seq")
                .query(RoutingRepository::attribute)
                .list();
    }

    Optional<RoutingAttribute> attribute(String id) {
        return jdbc.sql("SELECT * FROM routing_attributes WHERE id = :id")
                .param("id", id)
                .query(RoutingRepository::attribute)
                .optional();
    }

    void insertAttribute(String id, String name, Instant now) {
        jdbc.sql("""
                INSERT INTO routing_attributes (id, name, created_at, updated_at) VALUES (:id, :name, :now, :now)
                """).param("id", id).param("name", name).param("now", utc(now)).update();
    }

    void renameAttribute(String id, String name, Instant now) {
        jdbc.sql("UPDATE routing_attributes SET name = :name, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("name", name)
                .param("now", utc(now))
                .update();
    }

    void deleteAttribute(String id) {
        jdbc.sql("DELETE FROM routing_attribute_values WHERE attribute_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM routing_attributes WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Values of one attribute, or of every attribute when {@code attributeId} is null. */
    List<RoutingAttributeValue> values(String attributeId) {
        if (attributeId == null) {
            return jdbc.sql("SELECT * FROM routing_attribute_values ORDER BY seq")
                    .query(RoutingRepository::value)
                    .list();
        }
        return jdbc.sql("SELECT * FROM routing_attribute_values WHERE attribute_id = :attributeId ORDER BY seq")
                .param("attributeId", attributeId)
                .query(RoutingRepository::value)
                .list();
    }

    Optional<RoutingAttributeValue> value(String attributeId, String id) {
        return jdbc.sql("SELECT * FROM routing_attribute_values WHERE id = :id AND attribute_id = :attributeId")
                .param("id", id)
                .param("attributeId", attributeId)
                .query(RoutingRepository::value)
                .optional();
    }

    void insertValue(String id, String attributeId, String name, String conditions, Instant now) {
        jdbc.sql("""
                INSERT INTO routing_attribute_values (id, attribute_id, name, conditions, created_at, updated_at)
                VALUES (:id, :attributeId, :name, :conditions, :now, :now)
                """)
                .param("id", id)
                .param("attributeId", attributeId)
                .param("name", name)
                .param("conditions", conditions)
                .param("now", utc(now))
                .update();
    }

    void updateValue(String id, String name, String conditions, Instant now) {
        jdbc.sql("""
                UPDATE routing_attribute_values SET name = :name, conditions = :conditions, updated_at = :now
                 WHERE id = :id
                """)
                .param("id", id)
                .param("name", name)
                .param("conditions", conditions)
                .param("now", utc(now))
                .update();
    }

    void deleteValue(String id) {
        jdbc.sql("DELETE FROM routing_attribute_values WHERE id = :id")
                .param("id", id)
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static RoutingAttribute attribute(ResultSet rs, int n) throws SQLException {
        return new RoutingAttribute(
                rs.getString("id"),
                rs.getLong("seq"),
                rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static RoutingAttributeValue value(ResultSet rs, int n) throws SQLException {
        return new RoutingAttributeValue(
                rs.getString("id"),
                rs.getLong("seq"),
                rs.getString("attribute_id"),
                rs.getString("name"),
                rs.getString("conditions"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
