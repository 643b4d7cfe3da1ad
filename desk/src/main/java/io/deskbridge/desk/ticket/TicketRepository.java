package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.JsonText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TicketRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TicketRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<Ticket> findById(long id) {
        return jdbc.sql("SELECT * FROM tickets WHERE id = :id")
                .param("id", id)
                .query(TicketRepository::map)
                .optional();
    }

    /** Locks the row for the rest of the transaction: updates of one ticket apply one at a time. */
    Optional<Ticket> lock(long id) {
        return jdbc.sql("SELECT * FROM tickets WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(TicketRepository::map)
                .optional();
    }

    List<Ticket> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM tickets WHERE id IN (:ids) AND deleted_at IS NULL ORDER BY id")
                .param("ids", ids)
                .query(TicketRepository::map)
                .list();
    }

    long count(String where, Map<String, Object> params) {
        return jdbc.sql("SELECT COUNT(*) FROM tickets t WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    List<Ticket> page(String where, Map<String, Object> params, String orderBy, int offset, int limit) {
        return jdbc.sql("SELECT * FROM tickets t WHERE " + where + " ORDER BY " + orderBy + " OFFSET " + offset
                        + " ROWS FETCH NEXT " + limit + " ROWS ONLY")
                .params(params)
                .query(TicketRepository::map)
                .list();
    }

    long insert(Ticket t) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO tickets (external_id, type, subject, raw_subject, description, priority, status, recipient,
                    requester_id, submitter_id, assignee_id, organization_id, group_id, collaborator_ids, follower_ids,
                    tags, custom_fields, via_channel, due_at, is_public, has_incidents, created_at, updated_at,
                    generated_timestamp)
                VALUES (:externalId, :type, :subject, :rawSubject, :description, :priority, :status, :recipient,
                    :requesterId, :submitterId, :assigneeId, :organizationId, :groupId, :collaboratorIds, :followerIds,
                    :tags, :customFields, :viaChannel, :dueAt, :isPublic, :hasIncidents, :createdAt, :updatedAt,
                    :generatedTimestamp)
                """).params(columns(t)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        replaceTags(id, t.tags());
        return id;
    }

    void update(Ticket t) {
        jdbc.sql("""
                UPDATE tickets SET external_id = :externalId, type = :type, subject = :subject,
                    raw_subject = :rawSubject, description = :description, priority = :priority, status = :status,
                    recipient = :recipient, requester_id = :requesterId, submitter_id = :submitterId,
                    assignee_id = :assigneeId, organization_id = :organizationId, group_id = :groupId,
                    collaborator_ids = :collaboratorIds, follower_ids = :followerIds, tags = :tags,
                    custom_fields = :customFields, due_at = :dueAt, is_public = :isPublic,
                    updated_at = :updatedAt, generated_timestamp = :generatedTimestamp
                 WHERE id = :id
                """).params(columns(t)).param("id", t.id()).update();
        replaceTags(t.id(), t.tags());
    }

    void markDeleted(long id, long by, Instant at, long generatedTimestamp) {
        jdbc.sql("""
                UPDATE tickets SET deleted_at = :at, deleted_by = :by, updated_at = :at,
                                   generated_timestamp = :generated
                 WHERE id = :id
                """)
                .param("at", ts(at))
                .param("by", by)
                .param("generated", generatedTimestamp)
                .param("id", id)
                .update();
    }

    void restore(long id, Instant at, long generatedTimestamp) {
        jdbc.sql("""
                UPDATE tickets SET deleted_at = NULL, deleted_by = NULL, updated_at = :at,
                                   generated_timestamp = :generated
                 WHERE id = :id
                """)
                .param("at", ts(at))
                .param("generated", generatedTimestamp)
                .param("id", id)
                .update();
    }

    long insertAudit(long ticketId, Long authorId, String viaChannel, String eventsJson, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ticket_audits (ticket_id, author_id, via_channel, events, created_at)
                VALUES (:ticketId, :authorId, :via, :events, :at)
                """)
                .param("ticketId", ticketId)
                .param("authorId", authorId, Types.BIGINT)
                .param("via", viaChannel)
                .param("events", eventsJson)
                .param("at", ts(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateAuditEvents(long auditId, String eventsJson) {
        jdbc.sql("UPDATE ticket_audits SET events = :events WHERE id = :id")
                .param("events", eventsJson)
                .param("id", auditId)
                .update();
    }

    long insertComment(TicketComment c) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ticket_comments (ticket_id, audit_id, author_id, body, html_body, plain_body, is_public,
                                             via_channel, created_at)
                VALUES (:ticketId, :auditId, :authorId, :body, :htmlBody, :plainBody, :isPublic, :via, :at)
                """)
                .param("ticketId", c.ticketId())
                .param("auditId", c.auditId())
                .param("authorId", c.authorId())
                .param("body", c.body())
                .param("htmlBody", c.htmlBody())
                .param("plainBody", c.plainBody())
                .param("isPublic", c.isPublic())
                .param("via", c.viaChannel())
                .param("at", ts(c.createdAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    long countComments(long ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_comments WHERE ticket_id = :id")
                .param("id", ticketId)
                .query(Long.class)
                .single();
    }

    List<TicketComment> comments(
            long ticketId, String extraWhere, Map<String, Object> params, String orderBy, int offset, int limit) {
        return jdbc.sql("SELECT * FROM ticket_comments WHERE ticket_id = :ticketId" + extraWhere + " ORDER BY "
                        + orderBy + " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")
                .params(params)
                .param("ticketId", ticketId)
                .query(TicketRepository::mapComment)
                .list();
    }

    List<String> commentBodies(long ticketId) {
        return jdbc.sql("SELECT plain_body FROM ticket_comments WHERE ticket_id = :id ORDER BY id")
                .param("id", ticketId)
                .query(String.class)
                .list();
    }

    /** Tickets in export order after the (generated_timestamp, id) bound, up to {@code maxTimestamp}. */
    List<Ticket> exportAfter(long afterTimestamp, long afterId, long maxTimestamp, boolean excludeDeleted, int limit) {
        return jdbc.sql(
                        "SELECT * FROM tickets WHERE (generated_timestamp, id) > (:ts, :id) AND generated_timestamp <= :max"
                                + (excludeDeleted ? " AND deleted_at IS NULL" : "")
                                + " ORDER BY generated_timestamp, id FETCH FIRST " + limit + " ROWS ONLY")
                .param("ts", afterTimestamp)
                .param("id", afterId)
                .param("max", maxTimestamp)
                .query(TicketRepository::map)
                .list();
    }

    record AuditRow(long id, long ticketId, Long authorId, String viaChannel, String events, Instant createdAt) {}

    /** Audits in (created_at, id) order from {@code start} (inclusive) up to {@code max}. */
    List<AuditRow> auditsFrom(Instant start, Instant max, int limit) {
        return jdbc.sql("""
                SELECT * FROM ticket_audits WHERE created_at >= :start AND created_at <= :max
                 ORDER BY created_at, id FETCH FIRST %d ROWS ONLY
                """.formatted(limit))
                .param("start", ts(start))
                .param("max", ts(max))
                .query((rs, n) -> new AuditRow(
                        rs.getLong("id"),
                        rs.getLong("ticket_id"),
                        rs.getObject("author_id", Long.class),
                        rs.getString("via_channel"),
                        rs.getString("events"),
                        instant(rs, "created_at")))
                .list();
    }

    private void replaceTags(long ticketId, List<String> tags) {
        template.update("DELETE FROM ticket_tags WHERE ticket_id = ?", ticketId);
        template.batchUpdate(
                "INSERT INTO ticket_tags (ticket_id, tag) VALUES (?, ?)",
                tags.stream().map(tag -> new Object[] {ticketId, tag}).toList());
    }

    private static Map<String, Object> columns(Ticket t) {
        Map<String, Object> m = new HashMap<>();
        m.put("externalId", t.externalId());
        m.put("type", t.type());
        m.put("subject", t.subject());
        m.put("rawSubject", t.rawSubject());
        m.put("description", t.description());
        m.put("priority", t.priority());
        m.put("status", t.status());
        m.put("recipient", t.recipient());
        m.put("requesterId", t.requesterId());
        m.put("submitterId", t.submitterId());
        m.put("assigneeId", t.assigneeId());
        m.put("organizationId", t.organizationId());
        m.put("groupId", t.groupId());
        m.put("collaboratorIds", JsonText.write(t.collaboratorIds()));
        m.put("followerIds", JsonText.write(t.followerIds()));
        m.put("tags", JsonText.write(t.tags()));
        m.put("customFields", JsonText.write(t.customFields()));
        m.put("viaChannel", t.viaChannel());
        m.put("dueAt", ts(t.dueAt()));
        m.put("isPublic", t.isPublic());
        m.put("hasIncidents", t.hasIncidents());
        m.put("createdAt", ts(t.createdAt()));
        m.put("updatedAt", ts(t.updatedAt()));
        m.put("generatedTimestamp", t.generatedTimestamp());
        return m;
    }

    static Ticket map(ResultSet rs, int row) throws SQLException {
        return new Ticket(
                rs.getLong("id"),
                rs.getString("external_id"),
                rs.getString("type"),
                rs.getString("subject"),
                rs.getString("raw_subject"),
                rs.getString("description"),
                rs.getString("priority"),
                rs.getString("status"),
                rs.getString("recipient"),
                rs.getLong("requester_id"),
                rs.getLong("submitter_id"),
                rs.getObject("assignee_id", Long.class),
                rs.getObject("organization_id", Long.class),
                rs.getObject("group_id", Long.class),
                JsonText.longs(rs.getString("collaborator_ids")),
                JsonText.longs(rs.getString("follower_ids")),
                JsonText.strings(rs.getString("tags")),
                JsonText.objects(rs.getString("custom_fields")),
                rs.getString("via_channel"),
                instant(rs, "due_at"),
                rs.getBoolean("is_public"),
                rs.getBoolean("has_incidents"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("generated_timestamp"),
                instant(rs, "deleted_at"),
                rs.getObject("deleted_by", Long.class));
    }

    static TicketComment mapComment(ResultSet rs, int row) throws SQLException {
        return new TicketComment(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                rs.getLong("audit_id"),
                rs.getLong("author_id"),
                rs.getString("body"),
                rs.getString("html_body"),
                rs.getString("plain_body"),
                rs.getBoolean("is_public"),
                rs.getString("via_channel"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
