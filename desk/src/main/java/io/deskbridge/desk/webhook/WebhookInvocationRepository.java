package io.deskbridge.desk.webhook;

import io.deskbridge.desk.pagination.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code webhook_invocations} (the outbox) and {@code webhook_attempts} (its log). */
@Repository
class WebhookInvocationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    WebhookInvocationRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One row of {@code webhook_attempts}. */
    record AttemptRow(
            long invocationId,
            int attempt,
            AttemptOutcome outcome,
            Integer statusCode,
            long latencyMs,
            String error,
            Instant startedAt) {}

    /**
     * An attempt's result for its invocation (see {@link #finishAttempts}).
     *
     * @param completedAt null when it stays pending
     */
    record Finish(
            long id,
            String claimer,
            InvocationState state,
            int attempts,
            Instant nextAttemptAt,
            Integer statusCode,
            long latencyMs,
            String error,
            Instant completedAt) {}

    void insert(long webhookId, String eventId, String eventType, String payload, Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_invocations (webhook_id, event_id, event_type, payload, state, attempts,
                                                 next_attempt_at, created_at)
                VALUES (:webhookId, :eventId, :eventType, :payload, 'pending', 0, :now, :now)
                """)
                .param("webhookId", webhookId)
                .param("eventId", eventId)
                .param("eventType", eventType)
                .param("payload", payload)
                .param("now", time(now))
                .update();
    }

    /** An invocation to queue: one event for one webhook. */
    record NewInvocation(long webhookId, String eventId, String eventType, String payload) {}

    /** Queues invocations, due now, in one JDBC batch. */
    void insertAll(List<NewInvocation> rows, Instant now) {
        OffsetDateTime at = time(now);
        template.batchUpdate(
                """
                INSERT INTO webhook_invocations (webhook_id, event_id, event_type, payload, state, attempts,
                                                 next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)
                """,
                rows.stream()
                        .map(r -> new Object[] {r.webhookId(), r.eventId(), r.eventType(), r.payload(), at, at})
                        .toList());
    }

    /**
     * Leases up to {@code limit} due invocations to {@code claimer} until {@code until}. The UPDATE
     * re-checks that each row is still unclaimed, so when instances race for a row exactly one wins
     * (PostgreSQL re-evaluates the condition on the row the other transaction committed; H2 locks
     * the row the same way).
     */
    List<ClaimedInvocation> claimDue(Instant now, Instant until, String claimer, int limit) {
        // "state" in the ORDER BY changes no order (it is fixed by the WHERE) but lets H2 walk the
        // claim index (state, next_attempt_at, id) in order and stop after :limit rows; without it H2
        // sorted every due row on each claim (issue 17). PostgreSQL walks the index either way.
        List<Long> due = jdbc.sql("""
                        SELECT id FROM webhook_invocations
                         WHERE state = 'pending' AND next_attempt_at <= :now
                           AND (claimed_until IS NULL OR claimed_until < :now)
                         ORDER BY state, next_attempt_at, id
                         FETCH FIRST :limit ROWS ONLY
                        """)
                .param("now", time(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
        if (due.isEmpty()) {
            return List.of();
        }
        int claimed = jdbc.sql("""
                        UPDATE webhook_invocations SET claimed_by = :claimer, claimed_until = :until
                         WHERE id IN (:ids) AND state = 'pending'
                           AND (claimed_until IS NULL OR claimed_until < :now)
                        """)
                .param("claimer", claimer)
                .param("until", time(until))
                .param("ids", due)
                .param("now", time(now))
                .update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, webhook_id, event_id, event_type, payload, attempts, claimed_by, created_at
                          FROM webhook_invocations WHERE claimed_by = :claimer AND id IN (:ids)
                         ORDER BY id
                        """)
                .param("claimer", claimer)
                .param("ids", due)
                .query((rs, n) -> new ClaimedInvocation(
                        rs.getLong("id"),
                        rs.getLong("webhook_id"),
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getString("claimed_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Invocations waiting for an attempt, across every webhook: the delivery queue's depth. */
    long countPending() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_invocations WHERE state = 'pending'")
                .query(Long.class)
                .single();
    }

    /** Inserts attempt rows in one JDBC batch (one round trip on PostgreSQL, issue 17). */
    void insertAttempts(List<AttemptRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate(
                """
                INSERT INTO webhook_attempts (invocation_id, attempt, outcome, status_code, latency_ms, error, started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                rows.stream()
                        .map(r -> new Object[] {
                            r.invocationId(),
                            r.attempt(),
                            r.outcome().wireName(),
                            r.statusCode(),
                            r.latencyMs(),
                            r.error(),
                            time(r.startedAt())
                        })
                        .toList());
    }

    /**
     * Records attempts' results on their invocations and releases the leases, each only while its
     * lease is still its claimer's, in one JDBC batch; per row, whether it was still ours (false when
     * another instance took the invocation over meanwhile, or it was cancelled).
     */
    boolean[] finishAttempts(List<Finish> rows) {
        if (rows.isEmpty()) {
            return new boolean[0];
        }
        int[] counts = template.batchUpdate(
                """
                UPDATE webhook_invocations
                   SET state = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_latency_ms = ?,
                       last_error = ?, completed_at = ?, claimed_by = NULL, claimed_until = NULL
                 WHERE id = ? AND claimed_by = ? AND state = 'pending'
                """,
                rows.stream()
                        .map(r -> new Object[] {
                            r.state().wireName(),
                            r.attempts(),
                            time(r.nextAttemptAt()),
                            r.statusCode(),
                            r.latencyMs(),
                            r.error(),
                            r.completedAt() == null ? null : time(r.completedAt()),
                            r.id(),
                            r.claimer()
                        })
                        .toList());
        boolean[] ours = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            ours[i] = counts[i] == 1;
        }
        return ours;
    }

    /** Gives back leases not yet used, each only while it is still its claimer's; the number released. */
    int release(List<ClaimedInvocation> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        int released = 0;
        for (int count : template.batchUpdate(
                """
                UPDATE webhook_invocations SET claimed_by = NULL, claimed_until = NULL
                 WHERE id = ? AND claimed_by = ? AND state = 'pending'
                """,
                claimed.stream().map(c -> new Object[] {c.id(), c.claimedBy()}).toList())) {
            released += Math.max(count, 0);
        }
        return released;
    }

    /** Cancels what a webhook still had to deliver; the number cancelled. */
    int cancelPending(long webhookId, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE webhook_invocations
                           SET state = 'cancelled', completed_at = :now, last_error = :reason,
                               claimed_by = NULL, claimed_until = NULL
                         WHERE webhook_id = :webhookId AND state = 'pending'
                        """)
                .param("now", time(now))
                .param("reason", reason)
                .param("webhookId", webhookId)
                .update();
    }

    long count(long webhookId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_invocations WHERE webhook_id = :webhookId")
                .param("webhookId", webhookId)
                .query(Long.class)
                .single();
    }

    List<WebhookInvocation> page(long webhookId, PageQuery page) {
        return jdbc.sql("SELECT * FROM webhook_invocations WHERE webhook_id = :webhookId"
                        + page.boundarySql().map(b -> " AND " + b).orElse("")
                        + page.orderAndWindowSql())
                .params(page.boundaryParams())
                .param("webhookId", webhookId)
                .query(WebhookInvocationRepository::invocation)
                .list();
    }

    boolean exists(long webhookId, long invocationId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_invocations WHERE webhook_id = :webhookId AND id = :id")
                        .param("webhookId", webhookId)
                        .param("id", invocationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<WebhookAttempt> attempts(Collection<Long> invocationIds) {
        if (invocationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM webhook_attempts WHERE invocation_id IN (:ids) ORDER BY invocation_id, attempt")
                .param("ids", invocationIds)
                .query((rs, n) -> new WebhookAttempt(
                        rs.getLong("id"),
                        rs.getLong("invocation_id"),
                        rs.getInt("attempt"),
                        AttemptOutcome.fromWireName(rs.getString("outcome")),
                        (Integer) rs.getObject("status_code", Integer.class),
                        rs.getLong("latency_ms"),
                        rs.getString("error"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Deletes invocations (and their attempts) that finished before {@code cutoff}. */
    int deleteFinishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM webhook_invocations WHERE completed_at < :cutoff")
                .param("cutoff", time(cutoff))
                .update();
    }

    private static WebhookInvocation invocation(ResultSet rs, int row) throws SQLException {
        OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
        return new WebhookInvocation(
                rs.getLong("id"),
                rs.getLong("webhook_id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                InvocationState.fromWireName(rs.getString("state")),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status_code", Integer.class),
                (Long) rs.getObject("last_latency_ms", Long.class),
                rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                completed == null ? null : completed.toInstant());
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
