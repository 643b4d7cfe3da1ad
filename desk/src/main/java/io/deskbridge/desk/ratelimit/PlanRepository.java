package io.deskbridge.desk.ratelimit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PlanLimits load() {
        return jdbc.sql("SELECT plan, high_volume, sandbox FROM account_plan WHERE id = 1")
                .query((rs, n) -> limits(rs.getString("plan"), rs.getBoolean("high_volume"), rs.getBoolean("sandbox")))
                .single();
    }

    private static PlanLimits limits(String plan, boolean highVolume, boolean sandbox) {
        return Plan.fromWireName(plan)
                .orElseThrow(() -> new IllegalStateException("account_plan.plan holds an unknown plan: " + plan))
                .limits(highVolume, sandbox);
    }

    /** Locks the row so concurrent saves apply one after the other. */
    PlanLimits loadForUpdate() {
        jdbc.sql("SELECT id FROM account_plan WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .single();
        return load();
    }

    void save(PlanLimits limits, Instant now) {
        jdbc.sql("""
                UPDATE account_plan
                   SET plan = :plan, high_volume = :highVolume, sandbox = :sandbox, updated_at = :now
                 WHERE id = 1
                """)
                .param("plan", limits.plan())
                .param("highVolume", limits.highVolume())
                .param("sandbox", limits.sandbox())
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }
}
