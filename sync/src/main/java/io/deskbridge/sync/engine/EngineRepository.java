package io.deskbridge.sync.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Runs, stream positions, per-connection settings and records per minute. */
@Repository
class EngineRepository {

    private final JdbcClient jdbc;

    EngineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- settings

    /**
     * The connection's settings row, created when missing. The connection's own row is locked until
     * the transaction ends: queueing, pausing and finishing runs of one connection take turns.
     */
    SettingsRow lockSettings(long connectionId, Instant now) {
        jdbc.sql("SELECT id FROM connections WHERE id = :c FOR UPDATE")
                .param("c", connectionId)
                .query(Long.class)
                .optional();
        jdbc.sql("""
                MERGE INTO sync_settings t
                USING (SELECT CAST(:c AS BIGINT) AS connection_id) s ON t.connection_id = s.connection_id
                 WHEN NOT MATCHED THEN INSERT (connection_id, paused, schedule_enabled, interval_minutes, updated_at)
                      VALUES (s.connection_id, FALSE, FALSE, 60, CAST(:now AS TIMESTAMP WITH TIME ZONE))
                """).param("c", connectionId).param("now", ts(now)).update();
        return settings(connectionId);
    }

    SettingsRow settings(long connectionId) {
        return jdbc.sql("SELECT * FROM sync_settings WHERE connection_id = :c")
                .param("c", connectionId)
                .query(EngineRepository::settings)
                .optional()
                .orElse(SettingsRow.defaults(connectionId));
    }

    boolean paused(long connectionId) {
        return settings(connectionId).paused();
    }

    void setPaused(long connectionId, boolean paused, Instant now) {
        jdbc.sql("UPDATE sync_settings SET paused = :p, updated_at = :now WHERE connection_id = :c")
                .param("p", paused)
                .param("now", ts(now))
                .param("c", connectionId)
                .update();
    }

    void setSchedule(long connectionId, boolean enabled, int intervalMinutes, Instant next, Instant now) {
        jdbc.sql("""
                UPDATE sync_settings SET schedule_enabled = :e, interval_minutes = :i, next_scheduled_at = :next,
                       updated_at = :now WHERE connection_id = :c
                """)
                .param("e", enabled)
                .param("i", intervalMinutes)
                .param("next", next == null ? null : ts(next))
                .param("now", ts(now))
                .param("c", connectionId)
                .update();
    }

    void setLastHint(long connectionId, Instant at) {
        jdbc.sql("UPDATE sync_settings SET last_hint_at = :at WHERE connection_id = :c")
                .param("at", ts(at))
                .param("c", connectionId)
                .update();
    }

    void setHintRunsQueued(long connectionId, Instant at) {
        jdbc.sql("UPDATE sync_settings SET hint_runs_queued_at = :at WHERE connection_id = :c")
                .param("at", ts(at))
                .param("c", connectionId)
                .update();
    }

    /** Connections with a hint from before {@code cutoff} that arrived after their hint runs were last queued. */
    List<Long> missedHints(Instant cutoff) {
        return jdbc.sql("""
                SELECT connection_id FROM sync_settings
                 WHERE last_hint_at <= :cutoff AND (hint_runs_queued_at IS NULL OR hint_runs_queued_at < last_hint_at)
                 ORDER BY connection_id
                """).param("cutoff", ts(cutoff)).query(Long.class).list();
    }

    /** The stream's queued run, if any (a running run may have one queued behind it). */
    Optional<RunRow> queuedRun(long connectionId, StreamName stream) {
        return jdbc.sql("""
                SELECT * FROM sync_runs WHERE connection_id = :c AND stream = :s AND state = 'QUEUED'
                 ORDER BY id FETCH FIRST 1 ROWS ONLY
                """)
                .param("c", connectionId)
                .param("s", stream.name())
                .query(EngineRepository::run)
                .optional();
    }

    List<SettingsRow> dueSchedules(Instant now) {
        return jdbc.sql("""
                SELECT * FROM sync_settings
                 WHERE schedule_enabled = TRUE AND paused = FALSE AND next_scheduled_at <= :now
                 ORDER BY connection_id
                """)
                .param("now", ts(now))
                .query(EngineRepository::settings)
                .list();
    }

    // --- stream positions

    StreamPosition position(long connectionId, StreamName stream) {
        return jdbc.sql("SELECT * FROM sync_stream_state WHERE connection_id = :c AND stream = :s")
                .param("c", connectionId)
                .param("s", stream.name())
                .query((rs, n) -> new StreamPosition(
                        rs.getString("cursor_value"), longOrNull(rs, "cursor_time"), longOrNull(rs, "origin_time")))
                .optional()
                .orElse(StreamPosition.START);
    }

    void savePosition(long connectionId, StreamName stream, StreamPosition position, Instant now) {
        int updated = jdbc.sql("""
                UPDATE sync_stream_state SET cursor_value = :cursor, cursor_time = :time, origin_time = :origin,
                       pages = pages + 1, updated_at = :now
                 WHERE connection_id = :c AND stream = :s
                """)
                .param("cursor", position.cursor())
                .param("time", position.cursorTime())
                .param("origin", position.originTime())
                .param("now", ts(now))
                .param("c", connectionId)
                .param("s", stream.name())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO sync_stream_state (connection_id, stream, cursor_value, cursor_time, origin_time, pages, updated_at)
                    VALUES (:c, :s, :cursor, :time, :origin, 1, :now)
                    """)
                    .param("cursor", position.cursor())
                    .param("time", position.cursorTime())
                    .param("origin", position.originTime())
                    .param("now", ts(now))
                    .param("c", connectionId)
                    .param("s", stream.name())
                    .update();
        }
    }

    // --- runs

    long insertRun(long connectionId, StreamName stream, RunTrigger trigger, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sync_runs (connection_id, stream, run_trigger, state, queued_at)
                VALUES (:c, :s, :t, :state, :now)
                """)
                .param("c", connectionId)
                .param("s", stream.name())
                .param("t", trigger.name())
                .param("state", RunState.QUEUED.name())
                .param("now", ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<RunRow> run(long id) {
        return jdbc.sql("SELECT * FROM sync_runs WHERE id = :id")
                .param("id", id)
                .query(EngineRepository::run)
                .optional();
    }

    /** The oldest queued or running run of the stream. */
    Optional<RunRow> activeRun(long connectionId, StreamName stream) {
        return jdbc.sql("""
                SELECT * FROM sync_runs WHERE connection_id = :c AND stream = :s AND state IN ('QUEUED', 'RUNNING')
                 ORDER BY id FETCH FIRST 1 ROWS ONLY
                """)
                .param("c", connectionId)
                .param("s", stream.name())
                .query(EngineRepository::run)
                .optional();
    }

    Optional<RunRow> lastRun(long connectionId, StreamName stream) {
        return jdbc.sql("""
                SELECT * FROM sync_runs WHERE connection_id = :c AND stream = :s ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                """)
                .param("c", connectionId)
                .param("s", stream.name())
                .query(EngineRepository::run)
                .optional();
    }

    List<RunRow> runs(long connectionId, int limit) {
        return jdbc.sql("SELECT * FROM sync_runs WHERE connection_id = :c ORDER BY id DESC FETCH FIRST " + limit
                        + " ROWS ONLY")
                .param("c", connectionId)
                .query(EngineRepository::run)
                .list();
    }

    void markRunning(long runId, Long startCursorTime, Instant now) {
        jdbc.sql("""
                UPDATE sync_runs SET state = 'RUNNING', started_at = COALESCE(started_at, :now),
                       start_cursor_time = COALESCE(start_cursor_time, :cursor), wait_reason = NULL, wait_until = NULL
                 WHERE id = :id
                """)
                .param("now", ts(now))
                .param("cursor", startCursorTime)
                .param("id", runId)
                .update();
    }

    /** The wait a running run is in ({@code null}s: none). */
    void setWait(long runId, WaitReason reason, Instant until) {
        jdbc.sql("UPDATE sync_runs SET wait_reason = :reason, wait_until = :until WHERE id = :id")
                .param("reason", reason == null ? null : reason.name())
                .param("until", until == null ? null : ts(until))
                .param("id", runId)
                .update();
    }

    /** One more failed attempt retried, and its error (in short). */
    void addRetry(long runId, String error) {
        jdbc.sql("UPDATE sync_runs SET retries = retries + 1, last_retry_error = :error WHERE id = :id")
                .param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("id", runId)
                .update();
    }

    void addPage(long runId, long records, PageCounters counters, long activeMillis, Long cursorTime) {
        jdbc.sql("""
                UPDATE sync_runs SET records = records + :records, pages = pages + 1, requests = requests + :requests,
                       rate_limited = rate_limited + :limited, waited_millis = waited_millis + :waited,
                       active_millis = active_millis + :active, cursor_time = COALESCE(:cursor, cursor_time)
                 WHERE id = :id
                """)
                .param("records", records)
                .param("requests", counters.requests)
                .param("limited", counters.rateLimited)
                .param("waited", counters.waitedMillis)
                .param("active", activeMillis)
                .param("cursor", cursorTime)
                .param("id", runId)
                .update();
    }

    void finishRun(long runId, RunState state, String error, PageCounters counters, long activeMillis, Instant now) {
        jdbc.sql("""
                UPDATE sync_runs SET state = :state, finished_at = :now, error = :error,
                       wait_reason = NULL, wait_until = NULL,
                       requests = requests + :requests, rate_limited = rate_limited + :limited,
                       waited_millis = waited_millis + :waited, active_millis = active_millis + :active
                 WHERE id = :id
                """)
                .param("state", state.name())
                .param("now", ts(now))
                .param("error", error == null ? null : error.length() > 4000 ? error.substring(0, 4000) : error)
                .param("requests", counters.requests)
                .param("limited", counters.rateLimited)
                .param("waited", counters.waitedMillis)
                .param("active", activeMillis)
                .param("id", runId)
                .update();
    }

    /** Queued runs older than {@code before} whose task is not in db-scheduler's table. */
    List<RunRow> orphanedQueuedRuns(String taskName, Instant before) {
        return jdbc.sql("""
                SELECT r.* FROM sync_runs r
                 WHERE r.state = 'QUEUED' AND r.queued_at < :before
                   AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t
                                    WHERE t.task_name = :task
                                      AND t.task_instance = CONCAT(CAST(r.connection_id AS VARCHAR(20)), ':', r.stream))
                 ORDER BY r.id
                """)
                .param("before", ts(before))
                .param("task", taskName)
                .query(EngineRepository::run)
                .list();
    }

    // --- records per minute

    void addRecordsPerMinute(long connectionId, StreamName stream, Instant now, long records) {
        if (records == 0) {
            return;
        }
        jdbc.sql("""
                MERGE INTO sync_records_per_minute t
                USING (SELECT CAST(:c AS BIGINT) AS connection_id, CAST(:s AS VARCHAR(32)) AS stream,
                              CAST(:m AS TIMESTAMP WITH TIME ZONE) AS minute_start, CAST(:n AS BIGINT) AS records) s
                   ON t.connection_id = s.connection_id AND t.stream = s.stream AND t.minute_start = s.minute_start
                 WHEN MATCHED THEN UPDATE SET records = t.records + s.records
                 WHEN NOT MATCHED THEN INSERT (connection_id, stream, minute_start, records)
                      VALUES (s.connection_id, s.stream, s.minute_start, s.records)
                """)
                .param("c", connectionId)
                .param("s", stream.name())
                .param("m", ts(now.truncatedTo(ChronoUnit.MINUTES)))
                .param("n", records)
                .update();
    }

    List<MinuteCount> recordsPerMinute(long connectionId, StreamName stream, Instant since) {
        return jdbc.sql("""
                SELECT minute_start, records FROM sync_records_per_minute
                 WHERE connection_id = :c AND stream = :s AND minute_start >= :since ORDER BY minute_start
                """)
                .param("c", connectionId)
                .param("s", stream.name())
                .param("since", ts(since))
                .query((rs, n) -> new MinuteCount(instant(rs, "minute_start"), rs.getLong("records")))
                .list();
    }

    // --- mapping

    private static SettingsRow settings(ResultSet rs, int n) throws SQLException {
        return new SettingsRow(
                rs.getLong("connection_id"),
                rs.getBoolean("paused"),
                rs.getBoolean("schedule_enabled"),
                rs.getInt("interval_minutes"),
                instant(rs, "next_scheduled_at"),
                instant(rs, "last_hint_at"));
    }

    private static RunRow run(ResultSet rs, int n) throws SQLException {
        return new RunRow(
                rs.getLong("id"),
                rs.getLong("connection_id"),
                StreamName.valueOf(rs.getString("stream")),
                RunTrigger.valueOf(rs.getString("run_trigger")),
                RunState.valueOf(rs.getString("state")),
                instant(rs, "queued_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getLong("records"),
                rs.getLong("pages"),
                rs.getLong("requests"),
                rs.getLong("rate_limited"),
                rs.getLong("waited_millis"),
                rs.getLong("active_millis"),
                longOrNull(rs, "start_cursor_time"),
                longOrNull(rs, "cursor_time"),
                rs.getString("error"),
                rs.getString("wait_reason") == null ? null : WaitReason.valueOf(rs.getString("wait_reason")),
                instant(rs, "wait_until"),
                rs.getLong("retries"),
                rs.getString("last_retry_error"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
