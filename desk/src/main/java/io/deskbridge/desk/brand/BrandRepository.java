package io.deskbridge.desk.brand;

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
class BrandRepository {

    private final JdbcClient jdbc;

    BrandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Brand> all() {
        return jdbc.sql("SELECT * FROM brands ORDER BY id")
                .query(BrandRepository::map)
                .list();
    }

    Optional<Brand> find(long id) {
        return jdbc.sql("SELECT * FROM brands WHERE id = :id")
                .param("id", id)
                .query(BrandRepository::map)
                .optional();
    }

    Optional<Brand> findBySubdomain(String subdomain) {
        return jdbc.sql("SELECT * FROM brands WHERE subdomain = :subdomain")
                .param("subdomain", subdomain)
                .query(BrandRepository::map)
                .optional();
    }

    long insert(Brand b, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO brands (name, subdomain, host_mapping, signature_template, active, is_default,
                    created_at, updated_at)
                VALUES (:name, :subdomain, :hostMapping, :signature, :active, FALSE, :now, :now)
                """)
                .param("name", b.name())
                .param("subdomain", b.subdomain())
                .param("hostMapping", b.hostMapping())
                .param("signature", b.signatureTemplate())
                .param("active", b.active())
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(Brand b, Instant now) {
        jdbc.sql("""
                UPDATE brands SET name = :name, subdomain = :subdomain, host_mapping = :hostMapping,
                    signature_template = :signature, active = :active, updated_at = :now
                 WHERE id = :id
                """)
                .param("name", b.name())
                .param("subdomain", b.subdomain())
                .param("hostMapping", b.hostMapping())
                .param("signature", b.signatureTemplate())
                .param("active", b.active())
                .param("now", utc(now))
                .param("id", b.id())
                .update();
    }

    /** Moves the default to {@code id} in one statement, so there is never zero or two. */
    void makeDefault(long id, Instant now) {
        jdbc.sql("""
                UPDATE brands SET is_default = (id = :id), updated_at = :now
                 WHERE id = :id OR is_default = TRUE
                """).param("id", id).param("now", utc(now)).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM brands WHERE id = :id").param("id", id).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Brand map(ResultSet rs, int row) throws SQLException {
        return new Brand(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("subdomain"),
                rs.getString("host_mapping"),
                rs.getString("signature_template"),
                rs.getBoolean("active"),
                rs.getBoolean("is_default"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
