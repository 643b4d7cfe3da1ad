package io.deskbridge.sync.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads organizations, users, tickets, audits and comments straight into a running desk's database
 * over JDBC (desk's H2 file is opened with AUTO_SERVER=TRUE, or its PostgreSQL schema), written the
 * way desk's own code writes them (see desk's {@code Tickets}: one audit per change whose events
 * include the comment, the comment event's id being the comment's id), so that desk's incremental
 * exports serve them. Every timestamp lies a day or more in the past, outside the export's freshness
 * window. Ids continue after desk's own rows and the identity columns are moved past them, so desk
 * can go on creating records through its API.
 */
public final class DeskSeed {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] STATUSES = {"new", "open", "open", "pending", "hold", "solved"};
    private static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};
    private static final int BATCH = 1000;

    /** What was loaded: the id ranges (inclusive). */
    public record Seeded(
            long firstOrganization,
            long lastOrganization,
            long firstUser,
            long lastUser,
            long firstTicket,
            long lastTicket,
            int comments) {}

    private DeskSeed() {}

    /**
     * Loads {@code tickets} tickets (each with a comment, every fifth with a second one),
     * {@code users} end users and {@code organizations} organizations.
     */
    public static Seeded load(DeskProcess desk, int organizations, int users, int tickets) {
        try (Connection db = DriverManager.getConnection(desk.jdbcUrl(), desk.jdbcUser(), "")) {
            db.setAutoCommit(false);
            long orgBase = max(db, "organizations") + 1;
            long userBase = max(db, "users") + 1;
            long ticketBase = max(db, "tickets") + 1;
            long auditBase = max(db, "ticket_audits") + 1;
            long commentBase = max(db, "ticket_comments") + 1;
            long start = Instant.now().minusSeconds(4 * 86_400).getEpochSecond();

            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO organizations (id, name, name_normalized, details, notes, domain_names, tags,
                                               organization_fields, created_at, updated_at)
                    VALUES (?, ?, ?, ?, '', ?, '["seed"]', '{}', ?, ?)
                    """)) {
                for (int i = 0; i < organizations; i++) {
                    long id = orgBase + i;
                    String name = "Seed Organization " + id;
                    ps.setLong(1, id);
                    ps.setString(2, name);
                    ps.setString(3, name.toLowerCase());
                    ps.setString(4, "Customer since " + (2000 + i % 25));
                    ps.setString(5, "[\"org" + id + ".example.test\"]");
                    ps.setObject(6, at(start + i));
                    ps.setObject(7, at(start + 3600 + i * 13L));
                    batch(ps, i);
                }
                ps.executeBatch();
            }

            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO users (id, name, email, email_normalized, role, active, suspended, verified,
                                       time_zone, locale, created_at, updated_at, organization_id, tags, user_fields)
                    VALUES (?, ?, ?, ?, 'END_USER', TRUE, FALSE, TRUE, 'Europe/Berlin', 'en-US', ?, ?, ?, '[]', '{}')
                    """)) {
                for (int i = 0; i < users; i++) {
                    long id = userBase + i;
                    String email = "seed-customer-" + id + "@example.test";
                    ps.setLong(1, id);
                    ps.setString(2, "Seed Customer " + id);
                    ps.setString(3, email);
                    ps.setString(4, email);
                    ps.setObject(5, at(start + i));
                    ps.setObject(6, at(start + 7200 + i * 11L));
                    if (organizations > 0) {
                        ps.setLong(7, orgBase + i % organizations);
                    } else {
                        ps.setNull(7, java.sql.Types.BIGINT);
                    }
                    batch(ps, i);
                }
                ps.executeBatch();
            }

            int comments = 0;
            try (PreparedStatement ticket = db.prepareStatement("""
                            INSERT INTO tickets (id, type, subject, raw_subject, description, priority, status,
                                                 requester_id, submitter_id, organization_id, tags, via_channel,
                                                 is_public, created_at, updated_at, generated_timestamp)
                            VALUES (?, 'question', ?, ?, ?, ?, ?, ?, ?, ?, ARRAY['seed'], 'web', TRUE, ?, ?, ?)
                            """);
                    PreparedStatement audit = db.prepareStatement("""
                            INSERT INTO ticket_audits (id, ticket_id, author_id, via_channel, events, created_at)
                            VALUES (?, ?, ?, 'web', ?, ?)
                            """);
                    PreparedStatement comment = db.prepareStatement("""
                            INSERT INTO ticket_comments (id, ticket_id, audit_id, author_id, body, html_body, plain_body,
                                                         is_public, via_channel, created_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 'web', ?)
                            """)) {
                long auditId = auditBase;
                long commentId = commentBase;
                for (int i = 0; i < tickets; i++) {
                    long id = ticketBase + i;
                    long requester = users > 0 ? userBase + i % users : 1;
                    long created = start + 86_400 + i * 4L;
                    boolean second = i % 5 == 0;
                    long changed = second ? created + 600 : created;
                    String subject = "Seed ticket " + id + " about " + (i % 2 == 0 ? "billing" : "sign-in");
                    String body = "Hello, this is seeded ticket " + id + ". Steps: open the dashboard, click Export"
                            + " and wait. Order reference " + Long.toHexString(id * 2654435761L) + ".";
                    ticket.setLong(1, id);
                    ticket.setString(2, subject);
                    ticket.setString(3, subject);
                    ticket.setString(4, body);
                    ticket.setString(5, PRIORITIES[i % PRIORITIES.length]);
                    ticket.setString(6, STATUSES[i % STATUSES.length]);
                    ticket.setLong(7, requester);
                    ticket.setLong(8, requester);
                    if (organizations > 0) {
                        ticket.setLong(9, orgBase + i % organizations);
                    } else {
                        ticket.setNull(9, java.sql.Types.BIGINT);
                    }
                    ticket.setObject(10, at(created));
                    ticket.setObject(11, at(changed));
                    ticket.setLong(12, changed);
                    ticket.addBatch();

                    List<Map<String, Object>> events = new ArrayList<>();
                    events.add(field(auditId * 1000, "Create", "subject", subject));
                    events.add(field(auditId * 1000 + 1, "Create", "status", STATUSES[i % STATUSES.length]));
                    events.add(commentEvent(commentId, requester, body, auditId));
                    addAudit(audit, auditId, id, requester, events, created);
                    addComment(comment, commentId, id, auditId, requester, body, created);
                    auditId++;
                    commentId++;
                    comments++;
                    if (second) {
                        String reply = "Any news on ticket " + id + "? We still cannot export.";
                        addAudit(
                                audit,
                                auditId,
                                id,
                                requester,
                                List.of(commentEvent(commentId, requester, reply, auditId)),
                                changed);
                        addComment(comment, commentId, id, auditId, requester, reply, changed);
                        auditId++;
                        commentId++;
                        comments++;
                    }
                    if ((i + 1) % BATCH == 0) {
                        ticket.executeBatch();
                        audit.executeBatch();
                        comment.executeBatch();
                    }
                }
                ticket.executeBatch();
                audit.executeBatch();
                comment.executeBatch();
            }
            // desk's own rows (its admin, created when desk started) are seconds old: exports serve them
            // only after the freshness window (60 s, 2 s on the sandbox clock), so a sync started now
            // and a comparison made later would see different data. Dated back like the seeded rows.
            try (PreparedStatement old =
                    db.prepareStatement("UPDATE users SET updated_at = ? WHERE id < ? AND updated_at > ?")) {
                old.setObject(1, at(start));
                old.setLong(2, userBase);
                old.setObject(3, at(start + 86_400));
                old.executeUpdate();
            }
            db.commit();
            try (Statement s = db.createStatement()) {
                restart(s, "organizations", orgBase + organizations);
                restart(s, "users", userBase + users);
                restart(s, "tickets", ticketBase + tickets);
                restart(s, "ticket_audits", max(db, "ticket_audits") + 1);
                restart(s, "ticket_comments", max(db, "ticket_comments") + 1);
            }
            db.commit();
            return new Seeded(
                    orgBase,
                    orgBase + organizations - 1,
                    userBase,
                    userBase + users - 1,
                    ticketBase,
                    ticketBase + tickets - 1,
                    comments);
        } catch (SQLException e) {
            throw new IllegalStateException("Loading desk's database failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> field(long id, String type, String field, Object value) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", type);
        event.put("field_name", field);
        event.put("value", value);
        return event;
    }

    private static Map<String, Object> commentEvent(long id, long author, String body, long auditId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("type", "Comment");
        event.put("author_id", author);
        event.put("body", body);
        event.put("html_body", html(body));
        event.put("plain_body", body);
        event.put("public", true);
        event.put("attachments", List.of());
        event.put("audit_id", auditId);
        return event;
    }

    private static void addAudit(
            PreparedStatement ps, long id, long ticketId, long author, List<Map<String, Object>> events, long at)
            throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, ticketId);
        ps.setLong(3, author);
        ps.setString(4, JSON.writeValueAsString(events));
        ps.setObject(5, at(at));
        ps.addBatch();
    }

    private static void addComment(
            PreparedStatement ps, long id, long ticketId, long auditId, long author, String body, long at)
            throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, ticketId);
        ps.setLong(3, auditId);
        ps.setLong(4, author);
        ps.setString(5, body);
        ps.setString(6, html(body));
        ps.setString(7, body);
        ps.setObject(8, at(at));
        ps.addBatch();
    }

    private static String html(String body) {
        return "<div class=\"zd-comment\" dir=\"auto\"><p>" + body + "</p></div>";
    }

    private static void batch(PreparedStatement ps, int i) throws SQLException {
        ps.addBatch();
        if ((i + 1) % BATCH == 0) {
            ps.executeBatch();
        }
    }

    private static long max(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void restart(Statement s, String table, long next) throws SQLException {
        s.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
    }

    private static OffsetDateTime at(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
