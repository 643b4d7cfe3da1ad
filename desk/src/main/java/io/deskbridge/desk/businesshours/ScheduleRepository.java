package io.deskbridge.desk.businesshours;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ScheduleRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Interval>> INTERVALS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Schedule> all() {
        return jdbc.sql("SELECT * FROM business_hours_schedules ORDER BY id")
                .query(ScheduleRepository::map)
                .list();
    }

    Optional<Schedule> find(long id) {
        return jdbc.sql("SELECT * FROM business_hours_schedules WHERE id = :id")
                .param("id", id)
                .query(ScheduleRepository::map)
                .optional();
    }

    long insert(String name, String timeZone, List<Interval> intervals, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO business_hours_schedules (name, time_zone, intervals, created_at, updated_at)
                VALUES (:name, :timeZone, :intervals, :now, :now)
                """)
                .param("name", name)
                .param("timeZone", timeZone)
                .param("intervals", JSON.writeValueAsString(intervals))
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, String name, String timeZone, List<Interval> intervals, Instant now) {
        jdbc.sql("""
                UPDATE business_hours_schedules SET name = :name, time_zone = :timeZone, intervals = :intervals,
                    updated_at = :now WHERE id = :id
                """)
                .param("name", name)
                .param("timeZone", timeZone)
                .param("intervals", JSON.writeValueAsString(intervals))
                .param("now", utc(now))
                .param("id", id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM business_hours_schedules WHERE id = :id")
                .param("id", id)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Schedule map(ResultSet rs, int row) throws SQLException {
        return new Schedule(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("time_zone"),
                JSON.readValue(rs.getString("intervals"), INTERVALS),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
