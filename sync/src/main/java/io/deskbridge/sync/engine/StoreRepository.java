package io.deskbridge.sync.engine;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The synced records: one table per stream, upserted by (connection_id, id) in JDBC batches; a
 * stored record is never replaced by an older version of it.
 */
@Repository
class StoreRepository {

    /**
     * The most text of one ticket's description or one comment that full-text search reads
     * ({@code search_text}, see package {@code io.deskbridge.sync.context}): PostgreSQL refuses a
     * tsvector over 1 MB, and a longer text is a pasted log, not prose.
     */
    private static final int SEARCH_TEXT_MAX = 100_000;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    StoreRepository(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** A stream's table: its columns after (connection_id, id), the version column, and how a record fills them. */
    private record Table(String name, List<String> columns, String versionColumn, Binder binder) {}

    @FunctionalInterface
    private interface Binder {
        /** Sets the stream's columns, in order, from parameter {@code first} on. */
        void bind(PreparedStatement ps, int first, StreamRecord record, OffsetDateTime synced) throws SQLException;
    }

    private static Table spec(StreamName stream) {
        return switch (stream) {
            case TICKETS ->
                new Table(
                        "synced_tickets",
                        List.of(
                                "status",
                                "subject",
                                "updated_at",
                                "generated_timestamp",
                                "deleted",
                                "record_json",
                                "synced_at",
                                "requester_id",
                                "organization_id",
                                "search_text"),
                        "generated_timestamp",
                        (ps, i, r, synced) -> {
                            RawRecord j = r.record();
                            String status = j.text("status");
                            ps.setString(i, truncate(status, 32));
                            ps.setString(i + 1, truncate(j.text("subject"), 1000));
                            setTime(ps, i + 2, j.text("updated_at"));
                            ps.setLong(i + 3, r.version());
                            ps.setBoolean(i + 4, "deleted".equals(status));
                            ps.setString(i + 5, j.json());
                            ps.setObject(i + 6, synced);
                            setId(ps, i + 7, j, "requester_id");
                            setId(ps, i + 8, j, "organization_id");
                            ps.setString(i + 9, truncate(j.text("description"), SEARCH_TEXT_MAX));
                        });
            case USERS ->
                new Table(
                        "synced_users",
                        List.of(
                                "email",
                                "name",
                                "role",
                                "active",
                                "updated_at",
                                "record_version",
                                "deleted",
                                "record_json",
                                "synced_at"),
                        "record_version",
                        (ps, i, r, synced) -> {
                            RawRecord j = r.record();
                            boolean active = j.asBoolean("active", true);
                            ps.setString(i, truncate(j.text("email"), 320));
                            ps.setString(i + 1, truncate(j.text("name"), 1000));
                            ps.setString(i + 2, truncate(j.text("role"), 32));
                            ps.setBoolean(i + 3, active);
                            setTime(ps, i + 4, j.text("updated_at"));
                            ps.setLong(i + 5, r.version());
                            // Zendesk's user export shows a deleted user as active: false.
                            ps.setBoolean(i + 6, !active);
                            ps.setString(i + 7, j.json());
                            ps.setObject(i + 8, synced);
                        });
            case ORGANIZATIONS ->
                new Table(
                        "synced_organizations",
                        List.of("name", "updated_at", "record_version", "deleted", "record_json", "synced_at"),
                        "record_version",
                        (ps, i, r, synced) -> {
                            RawRecord j = r.record();
                            ps.setString(i, truncate(j.text("name"), 1000));
                            setTime(ps, i + 1, j.text("updated_at"));
                            ps.setLong(i + 2, r.version());
                            ps.setBoolean(i + 3, j.text("deleted_at") != null);
                            ps.setString(i + 4, j.json());
                            ps.setObject(i + 5, synced);
                        });
            case TICKET_COMMENTS ->
                new Table(
                        "synced_ticket_comments",
                        List.of(
                                "ticket_id",
                                "author_id",
                                "is_public",
                                "created_at",
                                "record_version",
                                "record_json",
                                "synced_at",
                                "search_text"),
                        "record_version",
                        (ps, i, r, synced) -> {
                            RawRecord j = r.record();
                            ps.setLong(i, r.ticketId());
                            setId(ps, i + 1, j, "author_id");
                            if (j.isBoolean("public")) {
                                ps.setBoolean(i + 2, j.asBoolean("public", false));
                            } else {
                                ps.setNull(i + 2, Types.BOOLEAN);
                            }
                            setTime(ps, i + 3, r.createdAt());
                            ps.setLong(i + 4, r.version());
                            ps.setString(i + 5, j.json());
                            ps.setObject(i + 6, synced);
                            String body = j.text("body");
                            ps.setString(i + 7, truncate(body != null ? body : j.text("plain_body"), SEARCH_TEXT_MAX));
                        });
        };
    }

    /**
     * Upserts one page's records of {@code stream} inside the caller's transaction: one query for the
     * versions already stored, then one JDBC batch of inserts for new ids and one of updates for ids
     * whose stored version is not newer. Decision: no MERGE; only one run writes a stream of a
     * connection at a time (db-scheduler), so reading first cannot race, and plain batched inserts
     * are several times faster than per-row MERGE on both H2 and PostgreSQL.
     */
    void upsert(long connectionId, StreamName stream, List<StreamRecord> records, Instant now) {
        if (records.isEmpty()) {
            return;
        }
        Table table = spec(stream);
        OffsetDateTime synced = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // The newest record per id of this page (a time-based page may repeat one).
        Map<Long, StreamRecord> newest = new LinkedHashMap<>();
        for (StreamRecord r : records) {
            newest.merge(r.id(), r, (a, b) -> b.version() >= a.version() ? b : a);
        }
        Map<Long, Long> stored = new HashMap<>();
        List<Long> ids = new ArrayList<>(newest.keySet());
        // Decision: each of the page's ids (a VALUES list) looked up in the primary key by a correlated
        // sub-select, not "id IN (...)" and not a join. H2 uses an index for IN only on an index's first
        // column, so with the (connection_id, id) key it read every stored row of the connection per page
        // (quadratic: ~4,000 tickets/s at 20,000 stored, ~600/s at 180,000). A join left the choice to
        // PostgreSQL's planner, which for 1,000 ids and a table whose rows are mostly TOASTed JSON took a
        // hash join over every stored row of the connection (0.4 s a page at 190,000 tickets, issue 17);
        // a sub-select per id is one primary-key probe each on both databases, whatever the statistics.
        String values = String.join(", ", Collections.nCopies(ids.size(), "(CAST(? AS BIGINT))"));
        template.query(
                "SELECT page_ids.id, (SELECT t." + table.versionColumn() + " FROM " + table.name()
                        + " t WHERE t.connection_id = ? AND t.id = page_ids.id) FROM (VALUES " + values
                        + ") AS page_ids (id)",
                ps -> {
                    ps.setLong(1, connectionId);
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                },
                rs -> {
                    long version = rs.getLong(2);
                    if (!rs.wasNull()) {
                        stored.put(rs.getLong(1), version);
                    }
                });
        List<StreamRecord> inserts = new ArrayList<>();
        List<StreamRecord> updates = new ArrayList<>();
        for (StreamRecord r : newest.values()) {
            Long version = stored.get(r.id());
            if (version == null) {
                inserts.add(r);
            } else if (version <= r.version()) {
                updates.add(r);
            }
        }
        List<String> columns = table.columns();
        if (!inserts.isEmpty()) {
            String sql = "INSERT INTO " + table.name() + " (connection_id, id, " + String.join(", ", columns)
                    + ") VALUES (?, ?" + ", ?".repeat(columns.size()) + ")";
            template.batchUpdate(sql, inserts, inserts.size(), (ps, r) -> {
                ps.setLong(1, connectionId);
                ps.setLong(2, r.id());
                table.binder().bind(ps, 3, r, synced);
            });
        }
        if (!updates.isEmpty()) {
            String sql = "UPDATE " + table.name() + " SET "
                    + columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
                    + " WHERE connection_id = ? AND id = ? AND " + table.versionColumn() + " <= ?";
            template.batchUpdate(sql, updates, updates.size(), (ps, r) -> {
                table.binder().bind(ps, 1, r, synced);
                ps.setLong(columns.size() + 1, connectionId);
                ps.setLong(columns.size() + 2, r.id());
                ps.setLong(columns.size() + 3, r.version());
            });
        }
    }

    /**
     * The stored JSON of those of {@code ids} that are stored (the version each page's change is
     * compared with); for {@link StreamName#TICKET_COMMENTS} the value is empty text (only presence counts).
     */
    Map<Long, String> stored(long connectionId, StreamName stream, List<Long> ids) {
        Map<Long, String> stored = new HashMap<>();
        if (ids.isEmpty()) {
            return stored;
        }
        // One primary-key probe per id, as in upsert (see the decision there).
        String values = String.join(", ", Collections.nCopies(ids.size(), "(CAST(? AS BIGINT))"));
        String column = stream == StreamName.TICKET_COMMENTS ? "''" : "t.record_json";
        template.query(
                "SELECT page_ids.id, (SELECT " + column + " FROM " + table(stream)
                        + " t WHERE t.connection_id = ? AND t.id = page_ids.id) FROM (VALUES " + values
                        + ") AS page_ids (id)",
                ps -> {
                    ps.setLong(1, connectionId);
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setLong(i + 2, ids.get(i));
                    }
                },
                rs -> {
                    String json = rs.getString(2);
                    if (json != null) {
                        stored.put(rs.getLong(1), json);
                    }
                });
        return stored;
    }

    long count(long connectionId, StreamName stream) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table(stream) + " WHERE connection_id = :c")
                .param("c", connectionId)
                .query(Long.class)
                .single();
    }

    /** Tickets in id order after {@code afterId}: the one whose id {@code query} is, or whose subject contains it (any case). */
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

    /** Decision: a query of digits only is a ticket id; anything else is text in the subject. */
    private static String queryFilter(String query) {
        if (query == null || query.isBlank()) {
            return "";
        }
        return isId(query) ? " AND id = :qid" : " AND LOWER(subject) LIKE :q ESCAPE '\\'";
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
        return isId(query) ? Map.of("qid", Long.parseLong(query.strip())) : Map.of("q", like);
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

    /**
     * A text column's value out of a record: at most {@code max} characters, and U+0000 replaced by
     * U+FFFD. Zendesk stores and exports NUL characters (a pasted binary, a broken mail client);
     * PostgreSQL refuses them in any text column ("invalid byte sequence for encoding UTF8: 0x00") and
     * would fail the whole batch. Decision: the derived columns (subject, names, search text) carry the
     * replacement character; {@code record_json} keeps the record exactly as received, the NUL escaped
     * in the JSON text.
     */
    private static String truncate(String value, int max) {
        if (value == null) {
            return null;
        }
        String kept = value.length() <= max ? value : value.substring(0, max);
        return kept.indexOf('\0') < 0 ? kept : kept.replace('\0', '\uFFFD');
    }

    private static void setId(PreparedStatement ps, int index, RawRecord record, String field) throws SQLException {
        if (record.isNumber(field)) {
            ps.setLong(index, record.asLong(field, 0));
        } else {
            ps.setNull(index, Types.BIGINT);
        }
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
