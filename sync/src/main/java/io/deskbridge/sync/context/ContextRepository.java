package io.deskbridge.sync.context;

import io.deskbridge.sync.context.TicketContext.TicketLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the engine's store (the {@code synced_*} tables, stream positions and runs) for ticket
 * context and search; writes nothing. The engine owns those tables and fills {@code requester_id},
 * {@code organization_id} and {@code search_text} (V6) with each record.
 */
@Repository
class ContextRepository {

    /** Zendesk's statuses that still need someone: listed before solved and closed ones. */
    private static final String OPEN_FIRST = "CASE WHEN status IN ('new', 'open', 'pending', 'hold') THEN 0 ELSE 1 END";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final boolean postgres;

    ContextRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL".equalsIgnoreCase(template.execute((ConnectionCallback<String>)
                c -> c.getMetaData().getDatabaseProductName()));
    }

    record TicketRow(long id, String json, Instant syncedAt) {}

    record CommentRow(long id, Long authorId, Boolean isPublic, Instant createdAt, String json, String authorName) {}

    record UserRow(long id, String name, String email, String role, boolean deleted) {}

    record OrganizationRow(long id, String name) {}

    record StreamState(String stream, Long cursorTime, Instant lastSucceededAt) {}

    record SearchRow(long ticketId, String subject, String status, String description, double score) {}

    /** Which column relates other tickets to a ticket. */
    enum RelatedBy {
        REQUESTER("requester_id"),
        ORGANIZATION("organization_id");

        private final String column;

        RelatedBy(String column) {
            this.column = column;
        }
    }

    Optional<TicketRow> ticket(long connectionId, long ticketId) {
        return jdbc.sql("SELECT id, record_json, synced_at FROM synced_tickets WHERE connection_id = :c AND id = :id")
                .param("c", connectionId)
                .param("id", ticketId)
                .query((rs, n) ->
                        new TicketRow(rs.getLong("id"), rs.getString("record_json"), instant(rs, "synced_at")))
                .optional();
    }

    /** The ticket's comments, oldest first, each with its author's synced name. */
    List<CommentRow> comments(long connectionId, long ticketId) {
        return jdbc.sql("""
                SELECT c.id, c.author_id, c.is_public, c.created_at, c.record_json, u.name AS author_name
                  FROM synced_ticket_comments c
                  LEFT JOIN synced_users u ON u.connection_id = c.connection_id AND u.id = c.author_id
                 WHERE c.connection_id = :c AND c.ticket_id = :t
                 ORDER BY c.created_at, c.id
                """)
                .param("c", connectionId)
                .param("t", ticketId)
                .query((rs, n) -> new CommentRow(
                        rs.getLong("id"),
                        longOrNull(rs, "author_id"),
                        booleanOrNull(rs, "is_public"),
                        instant(rs, "created_at"),
                        rs.getString("record_json"),
                        rs.getString("author_name")))
                .list();
    }

    Optional<UserRow> user(long connectionId, long userId) {
        return jdbc.sql("SELECT id, name, email, role, deleted FROM synced_users WHERE connection_id = :c AND id = :id")
                .param("c", connectionId)
                .param("id", userId)
                .query((rs, n) -> new UserRow(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("role"),
                        rs.getBoolean("deleted")))
                .optional();
    }

    /** The organization of a synced user, from the user's record. */
    Optional<Long> organizationOf(long connectionId, long userId) {
        return jdbc.sql("SELECT record_json FROM synced_users WHERE connection_id = :c AND id = :id")
                .param("c", connectionId)
                .param("id", userId)
                .query(String.class)
                .optional()
                .map(JSON::readTree)
                .map(user -> user.path("organization_id"))
                .filter(JsonNode::isNumber)
                .map(JsonNode::asLong);
    }

    Optional<OrganizationRow> organization(long connectionId, long organizationId) {
        return jdbc.sql("SELECT id, name FROM synced_organizations WHERE connection_id = :c AND id = :id")
                .param("c", connectionId)
                .param("id", organizationId)
                .query((rs, n) -> new OrganizationRow(rs.getLong("id"), rs.getString("name")))
                .optional();
    }

    /** Tickets related by {@code by} to {@code value}, open first, newest update first; without {@code exceptId}. */
    List<TicketLine> related(long connectionId, RelatedBy by, long value, long exceptId, int limit) {
        return jdbc.sql("SELECT id, subject, status, updated_at FROM synced_tickets WHERE connection_id = :c AND "
                        + by.column + " = :v AND id <> :except AND NOT deleted ORDER BY " + OPEN_FIRST
                        + ", updated_at DESC NULLS LAST, id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .param("c", connectionId)
                .param("v", value)
                .param("except", exceptId)
                .query((rs, n) -> new TicketLine(
                        rs.getLong("id"), rs.getString("subject"), rs.getString("status"), instant(rs, "updated_at")))
                .list();
    }

    long countRelated(long connectionId, RelatedBy by, long value, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM synced_tickets WHERE connection_id = :c AND " + by.column
                        + " = :v AND id <> :except AND NOT deleted")
                .param("c", connectionId)
                .param("v", value)
                .param("except", exceptId)
                .query(Long.class)
                .single();
    }

    /** Per stream name (the engine's enum name): cursor time and the last successful run's end. */
    Map<String, StreamState> streamStates(long connectionId) {
        Map<String, Long> cursors = new HashMap<>();
        jdbc.sql("SELECT stream, cursor_time FROM sync_stream_state WHERE connection_id = :c")
                .param("c", connectionId)
                .query((rs, n) -> cursors.put(rs.getString("stream"), longOrNull(rs, "cursor_time")))
                .list();
        Map<String, Instant> succeeded = new HashMap<>();
        jdbc.sql("""
                SELECT stream, MAX(finished_at) AS finished_at FROM sync_runs
                 WHERE connection_id = :c AND state = 'SUCCEEDED' GROUP BY stream
                """)
                .param("c", connectionId)
                .query((rs, n) -> succeeded.put(rs.getString("stream"), instant(rs, "finished_at")))
                .list();
        Map<String, StreamState> states = new HashMap<>();
        cursors.forEach((stream, cursor) -> states.put(stream, new StreamState(stream, cursor, succeeded.get(stream))));
        succeeded.forEach((stream, at) -> states.computeIfAbsent(stream, s -> new StreamState(s, cursors.get(s), at)));
        return states;
    }

    /**
     * Tickets matching every one of {@code terms}, best first. PostgreSQL: the generated tsvector
     * columns (V6.1) through their GIN indexes, ranked by {@code ts_rank} (subject weight A,
     * description B, each matching comment D, summed per ticket). H2: a scan of the connection's
     * {@code search_text} with LIKE per term (substrings, not words), scored the same way in
     * spirit: 1.0 when a term is in the subject, 0.4 for the ticket's text, 0.1 per matching comment.
     */
    List<SearchRow> search(long connectionId, String query, List<String> terms, int limit) {
        String hits;
        Map<String, Object> params = new HashMap<>();
        params.put("c", connectionId);
        if (postgres) {
            params.put("q", query);
            hits = """
                    SELECT t.id AS ticket_id, ts_rank(t.search_vector, plainto_tsquery('simple', :q)) AS score
                      FROM synced_tickets t
                     WHERE t.connection_id = :c AND t.search_vector @@ plainto_tsquery('simple', :q)
                    UNION ALL
                    SELECT m.ticket_id, ts_rank(m.search_vector, plainto_tsquery('simple', :q))
                      FROM synced_ticket_comments m
                     WHERE m.connection_id = :c AND m.search_vector @@ plainto_tsquery('simple', :q)
                    """;
        } else {
            for (int i = 0; i < terms.size(); i++) {
                params.put("t" + i, "%" + like(terms.get(i)) + "%");
            }
            String ticketText = "LOWER(COALESCE(t.subject, '') || ' ' || COALESCE(t.search_text, ''))";
            hits = "SELECT t.id AS ticket_id, 0.4 + CASE WHEN " + any("LOWER(t.subject)", terms.size())
                    + " THEN 0.6 ELSE 0 END AS score FROM synced_tickets t WHERE t.connection_id = :c AND "
                    + all(ticketText, terms.size())
                    + " UNION ALL SELECT m.ticket_id, 0.1 FROM synced_ticket_comments m WHERE m.connection_id = :c AND "
                    + all("LOWER(m.search_text)", terms.size());
        }
        return jdbc.sql("SELECT s.ticket_id, s.score, t.subject, t.status, t.search_text FROM (SELECT h.ticket_id,"
                        + " SUM(h.score) AS score FROM (" + hits + ") h GROUP BY h.ticket_id) s"
                        + " JOIN synced_tickets t ON t.connection_id = :c AND t.id = s.ticket_id"
                        + " WHERE NOT t.deleted ORDER BY s.score DESC, s.ticket_id DESC FETCH FIRST " + limit
                        + " ROWS ONLY")
                .params(params)
                .query((rs, n) -> new SearchRow(
                        rs.getLong("ticket_id"),
                        rs.getString("subject"),
                        rs.getString("status"),
                        rs.getString("search_text"),
                        rs.getDouble("score")))
                .list();
    }

    /** The first comment of the ticket (oldest first) whose text contains {@code term}, any case. */
    Optional<String> firstCommentContaining(long connectionId, long ticketId, String term) {
        return jdbc.sql("""
                SELECT search_text FROM synced_ticket_comments
                 WHERE connection_id = :c AND ticket_id = :t AND LOWER(search_text) LIKE :term ESCAPE '\\'
                 ORDER BY created_at, id FETCH FIRST 1 ROWS ONLY
                """)
                .param("c", connectionId)
                .param("t", ticketId)
                .param("term", "%" + like(term) + "%")
                .query(String.class)
                .optional();
    }

    private static String all(String column, int terms) {
        return "("
                + IntStream.range(0, terms)
                        .mapToObj(i -> column + " LIKE :t" + i + " ESCAPE '\\'")
                        .collect(Collectors.joining(" AND "))
                + ")";
    }

    private static String any(String column, int terms) {
        return "("
                + IntStream.range(0, terms)
                        .mapToObj(i -> column + " LIKE :t" + i + " ESCAPE '\\'")
                        .collect(Collectors.joining(" OR "))
                + ")";
    }

    private static String like(String term) {
        return term.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean booleanOrNull(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
