package io.deskbridge.desk.jobstatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** {@code job_statuses} and {@code job_status_results}. */
@Repository
class JobRepository {

    /** Results are stored as they are shown: snake_case keys, absent fields left out. */
    private static final JsonMapper RESULTS = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JobRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One item's result, for {@link #recordResults}. */
    record ItemResult(int index, JobResult result) {}

    void insert(String id, String jobType, int total, long actorId, String items, Instant at) {
        jdbc.sql("""
                INSERT INTO job_statuses (id, job_type, status, total, progress, message, actor_id, items,
                                          created_at, updated_at)
                VALUES (:id, :type, 'queued', :total, 0, NULL, :actor, :items, :at, :at)
                """)
                .param("id", id)
                .param("type", jobType)
                .param("total", total)
                .param("actor", actorId)
                .param("items", items)
                .param("at", ts(at))
                .update();
    }

    long countUnfinished() {
        return jdbc.sql("SELECT COUNT(*) FROM job_statuses WHERE status IN ('queued', 'working')")
                .query(Long.class)
                .single();
    }

    Optional<JobStatus> find(String id) {
        List<JobStatus> found = findAll(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The jobs with these ids, with their results, in the order of {@code ids}; unknown ids left out. */
    List<JobStatus> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, JobStatus> byId = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, job_type, status, total, progress, message, actor_id, created_at
                  FROM job_statuses WHERE id IN (:ids)
                """).param("ids", ids).query((rs, n) -> row(rs)).list().forEach(j -> byId.put(j.id(), j));
        Map<String, List<JobResult>> results = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT job_id, result FROM job_status_results WHERE job_id IN (:ids) ORDER BY job_id, item_index
                """)
                .param("ids", byId.keySet().isEmpty() ? ids : byId.keySet())
                .query((rs, n) -> Map.entry(rs.getString("job_id"), rs.getString("result")))
                .list()
                .forEach(e -> results.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(RESULTS.readValue(e.getValue(), JobResult.class)));
        List<JobStatus> ordered = new ArrayList<>();
        for (String id : ids) {
            JobStatus job = byId.get(id);
            if (job != null) {
                ordered.add(withResults(job, results.getOrDefault(id, List.of())));
            }
        }
        return ordered;
    }

    /** The ids of the jobs created since {@code since}, newest first. */
    List<String> recentIds(Instant since, int limit) {
        return jdbc.sql("""
                SELECT id FROM job_statuses WHERE created_at >= :since ORDER BY created_at DESC, id DESC
                 FETCH FIRST :limit ROWS ONLY
                """)
                .param("since", ts(since))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    String items(String id) {
        return jdbc.sql("SELECT items FROM job_statuses WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    Set<Integer> doneIndexes(String id) {
        return new HashSet<>(jdbc.sql("SELECT item_index FROM job_status_results WHERE job_id = :id")
                .param("id", id)
                .query(Integer.class)
                .list());
    }

    /** Records an item's result and moves the job's progress, in the caller's (the item's) transaction. */
    void recordResult(String id, int index, JobResult result, Instant at) {
        jdbc.sql("INSERT INTO job_status_results (job_id, item_index, result) VALUES (:id, :index, :result)")
                .param("id", id)
                .param("index", index)
                .param("result", RESULTS.writeValueAsString(result))
                .update();
        jdbc.sql("""
                UPDATE job_statuses SET progress = progress + 1, status = 'working', updated_at = :at WHERE id = :id
                """).param("id", id).param("at", ts(at)).update();
    }

    /**
     * Records the results of several items (one chunk) and moves the job's progress by their number,
     * in the caller's (the chunk's) transaction: one JDBC batch and one update of the job's row.
     */
    void recordResults(String id, List<ItemResult> results, Instant at) {
        if (results.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "INSERT INTO job_status_results (job_id, item_index, result) VALUES (?, ?, ?)",
                results.stream()
                        .map(r -> new Object[] {id, r.index(), RESULTS.writeValueAsString(r.result())})
                        .toList());
        jdbc.sql("""
                UPDATE job_statuses SET progress = progress + :done, status = 'working', updated_at = :at
                 WHERE id = :id
                """)
                .param("id", id)
                .param("done", results.size())
                .param("at", ts(at))
                .update();
    }

    void markStatus(String id, String status, String message, Instant at) {
        jdbc.sql("UPDATE job_statuses SET status = :status, message = :message, updated_at = :at WHERE id = :id")
                .param("id", id)
                .param("status", status)
                .param("message", message)
                .param("at", ts(at))
                .update();
    }

    /** Forgets finished jobs created before {@code before}. */
    void deleteFinishedBefore(Instant before) {
        List<String> old =
                jdbc.sql("""
                SELECT id FROM job_statuses WHERE status IN ('completed', 'failed') AND created_at < :before
                """).param("before", ts(before)).query(String.class).list();
        if (!old.isEmpty()) {
            jdbc.sql("DELETE FROM job_status_results WHERE job_id IN (:ids)")
                    .param("ids", old)
                    .update();
            jdbc.sql("DELETE FROM job_statuses WHERE id IN (:ids)")
                    .param("ids", old)
                    .update();
        }
    }

    private static JobStatus row(ResultSet rs) throws SQLException {
        return new JobStatus(
                rs.getString("id"),
                rs.getString("job_type"),
                rs.getString("status"),
                rs.getInt("total"),
                rs.getInt("progress"),
                rs.getString("message"),
                rs.getLong("actor_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                List.of());
    }

    private static JobStatus withResults(JobStatus j, List<JobResult> results) {
        return new JobStatus(
                j.id(),
                j.jobType(),
                j.status(),
                j.total(),
                j.progress(),
                j.message(),
                j.actorId(),
                j.createdAt(),
                List.copyOf(results));
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
