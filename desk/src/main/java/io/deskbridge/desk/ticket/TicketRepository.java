package io.deskbridge.desk.ticket;

import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.search.SearchIndex;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class TicketRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TicketReadCache readCache;

    /** Every statement here that changes a ticket row invalidates {@code readCache} (package-info). */
    TicketRepository(JdbcClient jdbc, JdbcTemplate template, TicketReadCache readCache) {
        this.jdbc = jdbc;
        this.template = template;
        this.readCache = readCache;
    }

    Optional<Ticket> findById(long id) {
        return jdbc.sql("SELECT * FROM tickets WHERE id = :id")
                .param("id", id)
                .query(rows())
                .optional();
    }

    /** Locks the row for the rest of the transaction: updates of one ticket apply one at a time. */
    Optional<Ticket> lock(long id) {
        return jdbc.sql("SELECT * FROM tickets WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(rows())
                .optional();
    }

    List<Ticket> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM tickets WHERE id IN (:ids) AND deleted_at IS NULL ORDER BY id")
                .param("ids", ids)
                .query(rows())
                .list();
    }

    long count(TicketFilter filter) {
        Sql where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM tickets t WHERE " + where.text())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    List<Ticket> page(TicketFilter filter, PageQuery page) {
        Sql where = where(filter);
        page.boundarySql().ifPresent(where::and);
        where.params().putAll(page.boundaryParams());
        return jdbc.sql("SELECT * FROM tickets t WHERE " + where.text() + pageOrder(filter, page))
                .params(where.params())
                .query(rows())
                .list();
    }

    /**
     * The same page as {@link #page}, only each ticket's id and sort columns: a list answered from
     * {@link TicketReadCache} reads the whole row only for tickets it has no fresh rendering of.
     */
    List<TicketKey> pageKeys(TicketFilter filter, PageQuery page) {
        Sql where = where(filter);
        page.boundarySql().ifPresent(where::and);
        where.params().putAll(page.boundaryParams());
        return jdbc.sql("SELECT t.id, t.created_at, t.updated_at FROM tickets t WHERE " + where.text()
                        + pageOrder(filter, page))
                .params(where.params())
                .query((rs, n) -> new TicketKey(rs.getLong(1), TicketRows.instant(rs, 2), TicketRows.instant(rs, 3)))
                .list();
    }

    /**
     * The ORDER BY and window of {@link #page}. Live tickets by id: H2 takes tickets_deleted_idx
     * (deleted_at, id) for "deleted_at IS NULL AND id > :k0" and, ordered by id alone, sorted every
     * live ticket for each page (10,000 tickets: 10 ms of CPU a page in issue 16's benchmark).
     * deleted_at is NULL in every row kept, so leading the order with it changes nothing but lets H2
     * walk the index and stop after the page ({@code TicketPagePlanTests}).
     */
    static String pageOrder(TicketFilter filter, PageQuery page) {
        return !filter.deleted() && page.sort().column().equals("id")
                ? page.orderAndWindowSql("t.deleted_at")
                : page.orderAndWindowSql();
    }

    /** Inserts the ticket under a new id, or under {@code t.id()} when it is one {@link #reserveId} gave. */
    long insert(Ticket t) {
        boolean reserved = t.id() > 0;
        if (reserved) {
            // A new id has nothing cached (only found tickets are); a reserved one is invalidated anyway.
            readCache.invalidate(t.id());
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tickets (" + (reserved ? "id, " : "") + """
                    external_id, type, subject, raw_subject, description, priority, status, recipient,
                    requester_id, submitter_id, assignee_id, organization_id, group_id, collaborator_ids, follower_ids,
                    tags, custom_fields, via_channel, due_at, is_public, has_incidents, created_at, updated_at,
                    generated_timestamp, brand_id, ticket_form_id, problem_id, email_cc_ids)
                """ + "VALUES (" + (reserved ? ":id, " : "")
                        + """
                    :externalId, :type, :subject, :rawSubject, :description, :priority, :status, :recipient,
                    :requesterId, :submitterId, :assigneeId, :organizationId, :groupId, :collaboratorIds, :followerIds,
                    :tags, :customFields, :viaChannel, :dueAt, :isPublic, :hasIncidents, :createdAt, :updatedAt,
                    :generatedTimestamp, :brandId, :ticketFormId, :problemId, :emailCcIds)
                """)
                .params(columns(t))
                .param("id", t.id())
                .update(keys, "id");
        long id = reserved ? t.id() : keys.getKeyAs(Number.class).longValue();
        replaceTags(id, t.tags());
        return id;
    }

    /**
     * Takes the next ticket id for a ticket written later ({@code POST /tickets?async=true} answers it
     * before its job runs). A placeholder row takes the id from the identity and is deleted at once, in
     * the caller's transaction, so no one ever sees it; the identity never hands the id out again, on
     * H2 and PostgreSQL alike (their sequences are not transactional), and {@link #insert} writes the
     * ticket under it.
     */
    long reserveId(Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO tickets (status, requester_id, submitter_id, via_channel, created_at, updated_at,
                    generated_timestamp)
                VALUES ('new', 0, 0, 'api', :at, :at, 0)
                """).param("at", ts(at)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("DELETE FROM tickets WHERE id = :id").param("id", id).update();
        return id;
    }

    /** Removes the ticket with its audits, comments and tags; incidents that named it as their problem forget it. */
    void purge(long id) {
        readCache.invalidateEverything();
        for (String table : List.of("ticket_comments", "ticket_audits", "ticket_tags")) {
            jdbc.sql("DELETE FROM " + table + " WHERE ticket_id = :id")
                    .param("id", id)
                    .update();
        }
        jdbc.sql("UPDATE tickets SET problem_id = NULL WHERE problem_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM tickets WHERE id = :id").param("id", id).update();
    }

    void update(Ticket t) {
        readCache.invalidate(t.id());
        jdbc.sql("""
                UPDATE tickets SET external_id = :externalId, type = :type, subject = :subject,
                    raw_subject = :rawSubject, description = :description, priority = :priority, status = :status,
                    recipient = :recipient, requester_id = :requesterId, submitter_id = :submitterId,
                    assignee_id = :assigneeId, organization_id = :organizationId, group_id = :groupId,
                    collaborator_ids = :collaboratorIds, follower_ids = :followerIds, tags = :tags,
                    custom_fields = :customFields, due_at = :dueAt, is_public = :isPublic,
                    updated_at = :updatedAt, generated_timestamp = :generatedTimestamp, brand_id = :brandId,
                    ticket_form_id = :ticketFormId, problem_id = :problemId, email_cc_ids = :emailCcIds
                 WHERE id = :id
                """).params(columns(t)).param("id", t.id()).update();
        replaceTags(t.id(), t.tags());
    }

    void markDeleted(long id, long by, Instant at, long generatedTimestamp) {
        readCache.invalidate(id);
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
        readCache.invalidate(id);
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

    /** A new audit without events yet: they are numbered after its id ({@link #updateAuditEvents}). */
    long insertAudit(long ticketId, Long authorId, String viaChannel, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ticket_audits (ticket_id, author_id, via_channel, events, created_at)
                VALUES (:ticketId, :authorId, :via, :events, :at)
                """)
                .param("ticketId", ticketId)
                .param("authorId", authorId, Types.BIGINT)
                .param("via", viaChannel)
                .param("events", "[]")
                .param("at", ts(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateAuditEvents(long auditId, List<AuditEvent> events) {
        jdbc.sql("UPDATE ticket_audits SET events = :events WHERE id = :id")
                .param("events", TicketCodec.write(events))
                .param("id", auditId)
                .update();
    }

    void makeCommentsPrivate(long ticketId, long auditId) {
        jdbc.sql("UPDATE ticket_comments SET is_public = FALSE WHERE ticket_id = :ticketId AND audit_id = :auditId")
                .param("ticketId", ticketId)
                .param("auditId", auditId)
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

    List<TicketComment> comments(long ticketId, PageQuery page) {
        return jdbc.sql("SELECT * FROM ticket_comments WHERE ticket_id = :ticketId"
                        + page.boundarySql().map(b -> " AND " + b).orElse("")
                        + page.orderAndWindowSql())
                .params(page.boundaryParams())
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
                .query(rows())
                .list();
    }

    List<TicketAudit> audits(long ticketId) {
        return jdbc.sql("SELECT * FROM ticket_audits WHERE ticket_id = :ticketId ORDER BY id")
                .param("ticketId", ticketId)
                .query(TicketRepository::mapAudit)
                .list();
    }

    /** Audits in (created_at, id) order from {@code start} (inclusive) up to {@code max}. */
    List<TicketAudit> auditsFrom(Instant start, Instant max, int limit) {
        return jdbc.sql("""
                SELECT * FROM ticket_audits WHERE created_at >= :start AND created_at <= :max
                 ORDER BY created_at, id FETCH FIRST %d ROWS ONLY
                """.formatted(limit))
                .param("start", ts(start))
                .param("max", ts(max))
                .query(TicketRepository::mapAudit)
                .list();
    }

    /** Audits in (created_at, id) order after that position and before {@code until} (exclusive). */
    List<TicketAudit> auditsAfterPosition(Instant at, long afterId, Instant until, int limit) {
        return jdbc.sql("""
                SELECT * FROM ticket_audits WHERE (created_at, id) > (:at, :id) AND created_at < :until
                 ORDER BY created_at, id FETCH FIRST %d ROWS ONLY
                """.formatted(limit))
                .param("at", ts(at))
                .param("id", afterId)
                .param("until", ts(until))
                .query(TicketRepository::mapAudit)
                .list();
    }

    /** Which of these tickets are deleted. */
    List<Long> deletedAmong(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM tickets WHERE id IN (:ids) AND deleted_at IS NOT NULL")
                .param("ids", ticketIds)
                .query(Long.class)
                .list();
    }

    /** Every audit of the given tickets, by ticket and in the order they happened. */
    List<TicketAudit> auditsOf(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM ticket_audits WHERE ticket_id IN (:ids) ORDER BY ticket_id, id")
                .param("ids", ticketIds)
                .query(TicketRepository::mapAudit)
                .list();
    }

    long countAudits(long ticketId) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_audits WHERE ticket_id = :id")
                .param("id", ticketId)
                .query(Long.class)
                .single();
    }

    List<TicketAudit> audits(long ticketId, PageQuery page) {
        return jdbc.sql("SELECT * FROM ticket_audits WHERE ticket_id = :ticketId"
                        + page.boundarySql().map(b -> " AND " + b).orElse("")
                        + page.orderAndWindowSql())
                .params(page.boundaryParams())
                .param("ticketId", ticketId)
                .query(TicketRepository::mapAudit)
                .list();
    }

    Optional<TicketAudit> audit(long ticketId, long auditId) {
        return jdbc.sql("SELECT * FROM ticket_audits WHERE ticket_id = :ticketId AND id = :id")
                .param("ticketId", ticketId)
                .param("id", auditId)
                .query(TicketRepository::mapAudit)
                .optional();
    }

    /** All tickets' audits, newest first, with ids below {@code beforeId} (null: from the newest). */
    List<TicketAudit> auditsBefore(Long beforeId, int limit) {
        return jdbc.sql("SELECT * FROM ticket_audits" + (beforeId == null ? "" : " WHERE id < :before")
                        + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(beforeId == null ? Map.of() : Map.of("before", beforeId))
                .query(TicketRepository::mapAudit)
                .list();
    }

    /** All tickets' audits with ids above {@code afterId}, the oldest of them first. */
    List<TicketAudit> auditsAfter(long afterId, int limit) {
        return jdbc.sql("SELECT * FROM ticket_audits WHERE id > :after ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                .param("after", afterId)
                .query(TicketRepository::mapAudit)
                .list();
    }

    private static TicketAudit mapAudit(ResultSet rs, int row) throws SQLException {
        return new TicketAudit(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                rs.getObject("author_id", Long.class),
                instant(rs, "created_at"),
                rs.getString("via_channel"),
                TicketCodec.events(rs.getString("events"), rs.getLong("id")));
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
        m.put("collaboratorIds", new SqlArrayValue("bigint", t.collaboratorIds().toArray()));
        m.put("followerIds", new SqlArrayValue("bigint", t.followerIds().toArray()));
        m.put("tags", new SqlArrayValue("varchar", t.tags().toArray()));
        m.put("customFields", TicketCodec.customFieldsText(t.customFields()));
        m.put("viaChannel", t.viaChannel());
        m.put("dueAt", ts(t.dueAt()));
        m.put("isPublic", t.isPublic());
        m.put("hasIncidents", t.hasIncidents());
        m.put("createdAt", ts(t.createdAt()));
        m.put("updatedAt", ts(t.updatedAt()));
        m.put("generatedTimestamp", t.generatedTimestamp());
        m.put("brandId", t.brandId());
        m.put("ticketFormId", t.ticketFormId());
        m.put("problemId", t.problemId());
        m.put("emailCcIds", new SqlArrayValue("bigint", t.emailCcIds().toArray()));
        return m;
    }

    /** A mapper of {@code tickets} rows for one query (it keeps that result set's column positions). */
    static RowMapper<Ticket> rows() {
        return new TicketRows();
    }

    /**
     * {@code tickets} rows as {@link Ticket}s, reading columns by position. By label, H2 upper-cases
     * and hashes the label on every {@code getXxx} call: 36 labels per row were about 8 % of desk's CPU
     * for a cursor page of 100 tickets (JFR, issue 16). The positions are looked up once per result set.
     */
    private static final class TicketRows implements RowMapper<Ticket> {

        private static final String[] LABELS = {
            "id",
            "external_id",
            "type",
            "subject",
            "raw_subject",
            "description",
            "priority",
            "status",
            "recipient",
            "requester_id",
            "submitter_id",
            "assignee_id",
            "organization_id",
            "group_id",
            "collaborator_ids",
            "follower_ids",
            "tags",
            "custom_fields",
            "via_channel",
            "due_at",
            "is_public",
            "has_incidents",
            "created_at",
            "updated_at",
            "generated_timestamp",
            "deleted_at",
            "deleted_by",
            "brand_id",
            "ticket_form_id",
            "problem_id",
            "email_cc_ids",
            "satisfaction_rating_id",
            "satisfaction_reason_code",
            "satisfaction_score",
            "satisfaction_comment"
        };

        private ResultSet columnsOf;
        private final int[] at = new int[LABELS.length];

        @Override
        public Ticket mapRow(ResultSet rs, int row) throws SQLException {
            if (rs != columnsOf) {
                for (int i = 0; i < LABELS.length; i++) {
                    at[i] = rs.findColumn(LABELS[i]);
                }
                columnsOf = rs;
            }
            int[] c = at;
            return new Ticket(
                    rs.getLong(c[0]),
                    rs.getString(c[1]),
                    rs.getString(c[2]),
                    rs.getString(c[3]),
                    rs.getString(c[4]),
                    rs.getString(c[5]),
                    rs.getString(c[6]),
                    rs.getString(c[7]),
                    rs.getString(c[8]),
                    rs.getLong(c[9]),
                    rs.getLong(c[10]),
                    rs.getObject(c[11], Long.class),
                    rs.getObject(c[12], Long.class),
                    rs.getObject(c[13], Long.class),
                    longs(rs.getArray(c[14])),
                    longs(rs.getArray(c[15])),
                    strings(rs.getArray(c[16])),
                    TicketCodec.customFields(rs.getString(c[17])),
                    rs.getString(c[18]),
                    instant(rs, c[19]),
                    rs.getBoolean(c[20]),
                    rs.getBoolean(c[21]),
                    instant(rs, c[22]),
                    instant(rs, c[23]),
                    rs.getLong(c[24]),
                    instant(rs, c[25]),
                    rs.getObject(c[26], Long.class),
                    rs.getObject(c[27], Long.class),
                    rs.getObject(c[28], Long.class),
                    rs.getObject(c[29], Long.class),
                    longs(rs.getArray(c[30])),
                    satisfaction(rs, c));
        }

        private static TicketSatisfaction satisfaction(ResultSet rs, int[] c) throws SQLException {
            Long ratingId = rs.getObject(c[31], Long.class);
            if (ratingId == null) {
                return TicketSatisfaction.UNOFFERED;
            }
            Integer reasonCode = rs.getObject(c[32], Integer.class);
            return new TicketSatisfaction(
                    ratingId,
                    rs.getString(c[33]),
                    rs.getString(c[34]),
                    reasonCode == null ? null : SatisfactionReason.textOf(reasonCode),
                    reasonCode == null ? null : reasonCode.longValue());
        }

        static Instant instant(ResultSet rs, int column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }

    /** The ticket's rating summary, and the change stamps a rating moves (exports pick the ticket up). */
    void updateSatisfaction(
            long ticketId,
            long ratingId,
            String score,
            String comment,
            Integer reasonCode,
            Instant at,
            long generated) {
        readCache.invalidate(ticketId);
        jdbc.sql("""
                UPDATE tickets SET satisfaction_rating_id = :ratingId, satisfaction_score = :score,
                    satisfaction_comment = :comment, satisfaction_reason_code = :reasonCode,
                    updated_at = :at, generated_timestamp = :generated
                 WHERE id = :id
                """)
                .param("ratingId", ratingId)
                .param("score", score)
                .param("comment", comment)
                .param("reasonCode", reasonCode, Types.INTEGER)
                .param("at", ts(at))
                .param("generated", generated)
                .param("id", ticketId)
                .update();
    }

    /** An incident linked to this problem: the problem now {@code has_incidents}. */
    void markHasIncidents(long problemId) {
        readCache.invalidate(problemId);
        jdbc.sql("UPDATE tickets SET has_incidents = TRUE WHERE id = :id")
                .param("id", problemId)
                .update();
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

    private static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        Long[] longs = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = ((Number) values[i]).longValue();
        }
        return List.of(longs);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        String[] strings = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            strings[i] = (String) values[i];
        }
        return List.of(strings);
    }

    /** SQL conditions (ANDed) and their parameters, built from typed criteria only. */
    record Sql(StringBuilder sql, Map<String, Object> params) {

        Sql(String first) {
            this(new StringBuilder(first), new HashMap<>());
        }

        String text() {
            return sql.toString();
        }

        void and(String condition) {
            sql.append(" AND (").append(condition).append(')');
        }

        String param(Object value) {
            String name = "p" + params.size();
            params.put(name, value);
            return ":" + name;
        }
    }

    /** The WHERE clause of a filter over alias {@code t}; criteria never carry SQL, only values. */
    static Sql where(TicketFilter filter) {
        Sql sql = new Sql(filter.deleted() ? "t.deleted_at IS NOT NULL" : "t.deleted_at IS NULL");
        List<String> words = new ArrayList<>();
        for (TicketFilter.Criterion c : filter.criteria()) {
            if (c instanceof TicketFilter.Words w) {
                words.addAll(w.words());
            }
        }
        if (!words.isEmpty()) {
            // The index narrows the rows first; phrases and other criteria then run on few rows.
            for (String condition : SearchIndex.matching(Tickets.SEARCH_TYPE, "t.id", words, "w", sql.params())) {
                sql.and(condition);
            }
        }
        for (TicketFilter.Criterion c : filter.criteria()) {
            if (!(c instanceof TicketFilter.Words)) {
                sql.and(condition(c, sql));
            }
        }
        return sql;
    }

    private static String condition(TicketFilter.Criterion criterion, Sql sql) {
        if (criterion instanceof TicketFilter.Not not) {
            return "NOT (" + condition(not.criterion(), sql) + ")";
        }
        if (criterion instanceof TicketFilter.Nothing) {
            return "1 = 0";
        }
        if (criterion instanceof TicketFilter.StatusIn in) {
            return in.statuses().isEmpty() ? "1 = 0" : "t.status IN (" + sql.param(in.statuses()) + ")";
        }
        if (criterion instanceof TicketFilter.PriorityIn in) {
            return in.priorities().isEmpty() ? "1 = 0" : "t.priority IN (" + sql.param(in.priorities()) + ")";
        }
        if (criterion instanceof TicketFilter.TypeIs is) {
            return "t.type = " + sql.param(is.type());
        }
        if (criterion instanceof TicketFilter.UserIs is) {
            String column = switch (is.field()) {
                case REQUESTER -> "t.requester_id";
                case ASSIGNEE -> "t.assignee_id";
                case SUBMITTER -> "t.submitter_id";
            };
            return equalsOrNull(column, is.userId(), sql);
        }
        if (criterion instanceof TicketFilter.OrganizationIs is) {
            return equalsOrNull("t.organization_id", is.organizationId(), sql);
        }
        if (criterion instanceof TicketFilter.GroupIs is) {
            return equalsOrNull("t.group_id", is.groupId(), sql);
        }
        if (criterion instanceof TicketFilter.HasTag has) {
            return "t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag = " + sql.param(has.tag()) + ")";
        }
        if (criterion instanceof TicketFilter.CollaboratorIs is) {
            return sql.param(is.userId()) + " = ANY(t.collaborator_ids)";
        }
        if (criterion instanceof TicketFilter.ExternalIdIs is) {
            return "t.external_id = " + sql.param(is.externalId());
        }
        if (criterion instanceof TicketFilter.TimeRange range) {
            String column = switch (range.field()) {
                case CREATED -> "t.created_at";
                case UPDATED -> "t.updated_at";
                case DUE -> "t.due_at";
            };
            List<String> parts = new ArrayList<>();
            if (range.from() != null) {
                parts.add(column
                        + (range.from().inclusive() ? " >= " : " > ")
                        + sql.param(ts(range.from().at())));
            }
            if (range.until() != null) {
                parts.add(column
                        + (range.until().inclusive() ? " <= " : " < ")
                        + sql.param(ts(range.until().at())));
            }
            return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
        }
        if (criterion instanceof TicketFilter.Phrase phrase) {
            String pattern = sql.param("%"
                    + phrase.phrase().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
            return "LOWER(t.subject) LIKE " + pattern
                    + " OR t.id IN (SELECT ticket_id FROM ticket_comments WHERE LOWER(plain_body) LIKE " + pattern
                    + ")";
        }
        throw new IllegalStateException("no SQL for " + criterion);
    }

    private static String equalsOrNull(String column, Long value, Sql sql) {
        return value == null ? column + " IS NULL" : column + " = " + sql.param(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
