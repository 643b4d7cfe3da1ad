package io.deskbridge.desk.dynamiccontent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DynamicContentRepository {

    private final JdbcClient jdbc;

    DynamicContentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DynamicContentItem> all() {
        return withVariants(jdbc.sql("SELECT * FROM dynamic_content_items ORDER BY id")
                .query(DynamicContentRepository::item)
                .list());
    }

    Optional<DynamicContentItem> find(long id) {
        return jdbc.sql("SELECT * FROM dynamic_content_items WHERE id = :id")
                .param("id", id)
                .query(DynamicContentRepository::item)
                .optional()
                .map(i -> withVariants(List.of(i)).get(0));
    }

    List<DynamicContentItem> findByKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return withVariants(jdbc.sql("SELECT * FROM dynamic_content_items WHERE placeholder_key IN (:keys) ORDER BY id")
                .param("keys", keys)
                .query(DynamicContentRepository::item)
                .list());
    }

    Optional<Long> idOfKey(String key) {
        return jdbc.sql("SELECT id FROM dynamic_content_items WHERE placeholder_key = :key")
                .param("key", key)
                .query(Long.class)
                .optional();
    }

    long insertItem(String name, String key, long defaultLocaleId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dynamic_content_items (name, placeholder_key, default_locale_id, created_at, updated_at)
                VALUES (:name, :key, :locale, :now, :now)
                """)
                .param("name", name)
                .param("key", key)
                .param("locale", defaultLocaleId)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateItem(long id, String name, String key, long defaultLocaleId, Instant now) {
        jdbc.sql("""
                UPDATE dynamic_content_items SET name = :name, placeholder_key = :key, default_locale_id = :locale,
                    updated_at = :now
                 WHERE id = :id
                """)
                .param("name", name)
                .param("key", key)
                .param("locale", defaultLocaleId)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    void deleteItem(long id) {
        jdbc.sql("DELETE FROM dynamic_content_items WHERE id = :id")
                .param("id", id)
                .update();
    }

    long insertVariant(long itemId, long localeId, String content, boolean active, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO dynamic_content_variants (item_id, locale_id, content, active, created_at, updated_at)
                VALUES (:item, :locale, :content, :active, :now, :now)
                """)
                .param("item", itemId)
                .param("locale", localeId)
                .param("content", content)
                .param("active", active)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateVariant(long id, long localeId, String content, boolean active, Instant now) {
        jdbc.sql("""
                UPDATE dynamic_content_variants SET locale_id = :locale, content = :content, active = :active,
                    updated_at = :now
                 WHERE id = :id
                """)
                .param("locale", localeId)
                .param("content", content)
                .param("active", active)
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    void deleteVariant(long id) {
        jdbc.sql("DELETE FROM dynamic_content_variants WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Marks the item changed when one of its variants changes. */
    void touchItem(long id, Instant now) {
        jdbc.sql("UPDATE dynamic_content_items SET updated_at = :now WHERE id = :id")
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    private List<DynamicContentItem> withVariants(List<DynamicContentItem> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, List<DynamicContentItem.Variant>> byItem = jdbc
                .sql("SELECT * FROM dynamic_content_variants WHERE item_id IN (:ids) ORDER BY id")
                .param("ids", items.stream().map(DynamicContentItem::id).toList())
                .query(DynamicContentRepository::variant)
                .list()
                .stream()
                .collect(Collectors.groupingBy(DynamicContentItem.Variant::itemId));
        return items.stream()
                .map(i -> i.withVariants(byItem.getOrDefault(i.id(), List.of())))
                .toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static DynamicContentItem item(ResultSet rs, int row) throws SQLException {
        return new DynamicContentItem(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("placeholder_key"),
                rs.getLong("default_locale_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                List.of());
    }

    private static DynamicContentItem.Variant variant(ResultSet rs, int row) throws SQLException {
        return new DynamicContentItem.Variant(
                rs.getLong("id"),
                rs.getLong("item_id"),
                rs.getLong("locale_id"),
                rs.getString("content"),
                rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
