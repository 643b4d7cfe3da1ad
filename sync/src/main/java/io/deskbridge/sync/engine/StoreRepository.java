package io.deskbridge.sync.engine;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synced records: one table per stream, upserted by (connection_id, id) in JDBC batches with a
 * standard MERGE (H2 and PostgreSQL 15 both run it) that never replaces a newer version.
 */
@Repository
class StoreRepository {

    private static final String TICKETS = """
            MERGE INTO synced_tickets t
            USING (SELECT CAST(? AS BIGINT) AS connection_id, CAST(? AS BIGINT) AS id, CAST(? AS VARCHAR(32)) AS status,
                          CAST(? AS VARCHAR(1000)) AS subject, CAST(? AS TIMESTAMP WITH TIME ZONE) AS updated_at,
                          CAST(? AS BIGINT) AS generated_timestamp, CAST(? AS BOOLEAN) AS deleted,
                          CAST(? AS VARCHAR(1000000)) AS record_json, CAST(? AS TIMESTAMP WITH TIME ZONE) AS synced_at) s
               ON t.connection_id = s.connection_id AND t.id = s.id
             WHEN MATCHED AND t.generated_timestamp <= s.generated_timestamp THEN UPDATE
                  SET status = s.status, subject = s.subject, updated_at = s.updated_at,
                      generated_timestamp = s.generated_timestamp, deleted = s.deleted, record_json = s.record_json,
                      synced_at = s.synced_at
             WHEN NOT MATCHED THEN INSERT
                  (connection_id, id, status, subject, updated_at, generated_timestamp, deleted, record_json, synced_at)
                  VALUES (s.connection_id, s.id, s.status, s.subject, s.updated_at, s.generated_timestamp, s.deleted,
                          s.record_json, s.synced_at)
            """;

    private static final String USERS = """
            MERGE INTO synced_users t
            USING (SELECT CAST(? AS BIGINT) AS connection_id, CAST(? AS BIGINT) AS id, CAST(? AS VARCHAR(320)) AS email,
                          CAST(? AS VARCHAR(1000)) AS name, CAST(? AS VARCHAR(32)) AS role, CAST(? AS BOOLEAN) AS active,
                          CAST(? AS TIMESTAMP WITH TIME ZONE) AS updated_at, CAST(? AS BIGINT) AS record_version,
                          CAST(? AS BOOLEAN) AS deleted, CAST(? AS VARCHAR(1000000)) AS record_json,
                          CAST(? AS TIMESTAMP WITH TIME ZONE) AS synced_at) s
               ON t.connection_id = s.connection_id AND t.id = s.id
             WHEN MATCHED AND t.record_version <= s.record_version THEN UPDATE
                  SET email = s.email, name = s.name, role = s.role, active = s.active, updated_at = s.updated_at,
                      record_version = s.record_version, deleted = s.deleted, record_json = s.record_json,
                      synced_at = s.synced_at
             WHEN NOT MATCHED THEN INSERT
                  (connection_id, id, email, name, role, active, updated_at, record_version, deleted, record_json, synced_at)
                  VALUES (s.connection_id, s.id, s.email, s.name, s.role, s.active, s.updated_at, s.record_version,
                          s.deleted, s.record_json, s.synced_at)
            """;

    private static final String ORGANIZATIONS = """
            MERGE INTO synced_organizations t
            USING (SELECT CAST(? AS BIGINT) AS connection_id, CAST(? AS BIGINT) AS id, CAST(? AS VARCHAR(1000)) AS name,
                          CAST(? AS TIMESTAMP WITH TIME ZONE) AS updated_at, CAST(? AS BIGINT) AS record_version,
                          CAST(? AS BOOLEAN) AS deleted, CAST(? AS VARCHAR(1000000)) AS record_json,
                          CAST(? AS TIMESTAMP WITH TIME ZONE) AS synced_at) s
               ON t.connection_id = s.connection_id AND t.id = s.id
             WHEN MATCHED AND t.record_version <= s.record_version THEN UPDATE
                  SET name = s.name, updated_at = s.updated_at, record_version = s.record_version,
                      deleted = s.deleted, record_json = s.record_json, synced_at = s.synced_at
             WHEN NOT MATCHED THEN INSERT
                  (connection_id, id, name, updated_at, record_version, deleted, record_json, synced_at)
                  VALUES (s.connection_id, s.id, s.name, s.updated_at, s.record_version, s.deleted, s.record_json,
                          s.synced_at)
            """;

    private static final String COMMENTS = """
            MERGE INTO synced_ticket_comments t
            USING (SELECT CAST(? AS BIGINT) AS connection_id, CAST(? AS BIGINT) AS id, CAST(? AS BIGINT) AS ticket_id,
                          CAST(? AS BIGINT) AS author_id, CAST(? AS BOOLEAN) AS is_public,
                          CAST(? AS TIMESTAMP WITH TIME ZONE) AS created_at, CAST(? AS BIGINT) AS record_version,
                          CAST(? AS VARCHAR(1000000)) AS record_json, CAST(? AS TIMESTAMP WITH TIME ZONE) AS synced_at) s
               ON t.connection_id = s.connection_id AND t.id = s.id
             WHEN MATCHED AND t.record_version <= s.record_version THEN UPDATE
                  SET ticket_id = s.ticket_id, author_id = s.author_id, is_public = s.is_public,
                      created_at = s.created_at, record_version = s.record_version, record_json = s.record_json,
                      synced_at = s.synced_at
             WHEN NOT MATCHED THEN INSERT
                  (connection_id, id, ticket_id, author_id, is_public, created_at, record_version, record_json, synced_at)
                  VALUES (s.connection_id, s.id, s.ticket_id, s.author_id, s.is_public, s.created_at, s.record_version,
                          s.record_json, s.synced_at)
            """;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    StoreRepository(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** Upserts one page's records of {@code stream}, in one JDBC batch (inside the caller's transaction). */
    void upsert(long connectionId, StreamName stream, List<StreamRecord> records, Instant now) {
        if (records.isEmpty()) {
            return;
        }
        OffsetDateTime synced = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String sql = switch (stream) {
            case TICKETS -> TICKETS;
            case USERS -> USERS;
            case ORGANIZATIONS -> ORGANIZATIONS;
            case TICKET_COMMENTS -> COMMENTS;
        };
        template.batchUpdate(sql, records, records.size(), (ps, r) -> {
            JsonNode j = r.json();
            ps.setLong(1, connectionId);
            ps.setLong(2, r.id());
            switch (stream) {
                case TICKETS -> {
                    String status = text(j, "status");
                    ps.setString(3, truncate(status, 32));
                    ps.setString(4, truncate(text(j, "subject"), 1000));
                    setTime(ps, 5, text(j, "updated_at"));
                    ps.setLong(6, r.version());
                    ps.setBoolean(7, "deleted".equals(status));
                    ps.setString(8, json.writeValueAsString(j));
                    ps.setObject(9, synced);
                }
                case USERS -> {
                    boolean active = !j.has("active") || j.get("active").asBoolean(true);
                    ps.setString(3, truncate(text(j, "email"), 320));
                    ps.setString(4, truncate(text(j, "name"), 1000));
                    ps.setString(5, truncate(text(j, "role"), 32));
                    ps.setBoolean(6, active);
                    setTime(ps, 7, text(j, "updated_at"));
                    ps.setLong(8, r.version());
                    // Zendesk's user export shows a deleted user as active: false.
                    ps.setBoolean(9, !active);
                    ps.setString(10, json.writeValueAsString(j));
                    ps.setObject(11, synced);
                }
                case ORGANIZATIONS -> {
                    ps.setString(3, truncate(text(j, "name"), 1000));
                    setTime(ps, 4, text(j, "updated_at"));
                    ps.setLong(5, r.version());
                    ps.setBoolean(6, text(j, "deleted_at") != null);
                    ps.setString(7, json.writeValueAsString(j));
                    ps.setObject(8, synced);
                }
                case TICKET_COMMENTS -> {
                    ps.setLong(3, r.ticketId());
                    JsonNode author = j.get("author_id");
                    if (author != null && author.isNumber()) {
                        ps.setLong(4, author.asLong());
                    } else {
                        ps.setNull(4, Types.BIGINT);
                    }
                    JsonNode isPublic = j.get("public");
                    if (isPublic != null && isPublic.isBoolean()) {
                        ps.setBoolean(5, isPublic.asBoolean());
                    } else {
                        ps.setNull(5, Types.BOOLEAN);
                    }
                    setTime(ps, 6, r.createdAt());
                    ps.setLong(7, r.version());
                    ps.setString(8, json.writeValueAsString(j));
                    ps.setObject(9, synced);
                }
            }
        });
    }

    long count(long connectionId, StreamName stream) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table(stream) + " WHERE connection_id = :c")
                .param("c", connectionId)
                .query(Long.class)
                .single();
    }

    /** Tickets in id order after {@code afterId}, whose subject contains {@code query} (any case) or whose id it is. */
    List<SyncedTicket> tickets(long connectionId, String query, long afterId, int limit) {
        return jdbc.sql("SELECT id, subject, status, updated_at, deleted, record_json FROM synced_tickets"
                        + " WHERE connection_id = :c AND id > :after" + queryFilter(query)
                        + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                .param("c", connectionId)
                .param("after", afterId)
                .params(queryParams(query))
                .query((rs, n) -> {
                    OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
                    return new SyncedTicket(
                            rs.getLong("id"),
                            rs.getString("subject"),
                            rs.getString("status"),
                            updated == null ? null : updated.toInstant(),
                            rs.getBoolean("deleted"),
                            rs.getString("record_json"));
                })
                .list();
    }

    long countTickets(long connectionId, String query) {
        return jdbc.sql("SELECT COUNT(*) FROM synced_tickets WHERE connection_id = :c" + queryFilter(query))
                .param("c", connectionId)
                .params(queryParams(query))
                .query(Long.class)
                .single();
    }

    static String encodeAfter(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("t" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Long> decodeAfter(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith("t") ? Optional.of(Long.parseLong(text.substring(1))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String queryFilter(String query) {
        if (query == null || query.isBlank()) {
            return "";
        }
        return isId(query)
                ? " AND (id = :qid OR LOWER(subject) LIKE :q ESCAPE '\\')"
                : " AND LOWER(subject) LIKE :q ESCAPE '\\'";
    }

    private static Map<String, Object> queryParams(String query) {
        if (query == null || query.isBlank()) {
            return Map.of();
        }
        String like = "%"
                + query.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        return isId(query) ? Map.of("q", like, "qid", Long.parseLong(query.strip())) : Map.of("q", like);
    }

    private static boolean isId(String query) {
        String q = query.strip();
        return !q.isEmpty() && q.length() < 19 && q.chars().allMatch(Character::isDigit);
    }

    static String table(StreamName stream) {
        return switch (stream) {
            case TICKETS -> "synced_tickets";
            case USERS -> "synced_users";
            case ORGANIZATIONS -> "synced_organizations";
            case TICKET_COMMENTS -> "synced_ticket_comments";
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static void setTime(PreparedStatement ps, int index, String iso) throws SQLException {
        OffsetDateTime at = null;
        if (iso != null) {
            try {
                at = OffsetDateTime.parse(iso);
            } catch (DateTimeParseException e) {
                at = null;
            }
        }
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, at.withOffsetSameInstant(ZoneOffset.UTC));
        }
    }
}
