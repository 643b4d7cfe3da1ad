package io.deskbridge.desk.ratelimit;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.cluster.EpochCachedValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's plan and the API limits it sets (see {@link PlanLimits}). Read on every API request
 * from memory; a save takes effect on the next request of every desk instance (through
 * {@link ChangeEpoch}).
 */
@Service
public class ApiLimits {

    private static final Logger log = LoggerFactory.getLogger(ApiLimits.class);

    private final PlanRepository repository;
    private final AuditLog audit;
    private final ChangeEpoch epoch;
    private final Clock clock;
    private final EpochCachedValue<PlanLimits> cached;

    ApiLimits(PlanRepository repository, AuditLog audit, ChangeEpoch epoch, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.epoch = epoch;
        this.clock = clock;
        this.cached = new EpochCachedValue<>(epoch, repository::load);
    }

    /** The limits in force now. */
    public PlanLimits current() {
        return cached.get();
    }

    /** Applies a change, audits what changed, and returns the new limits. */
    @Transactional
    public PlanLimits update(Actor actor, PlanUpdate update) {
        PlanLimits before = repository.loadForUpdate();
        Plan plan = update.plan() != null ? update.plan() : plan(before);
        boolean highVolume = update.highVolume() != null ? update.highVolume() : before.highVolume();
        boolean sandbox = update.sandbox() != null ? update.sandbox() : before.sandbox();
        if (highVolume && !plan.offersHighVolume()) {
            throw new RecordInvalidException(
                    "high_volume",
                    "InvalidValue",
                    "High volume: the High Volume API add-on needs the Growth plan or above, not " + plan.label());
        }
        PlanLimits after = plan.limits(highVolume, sandbox);
        List<String> changes = describeChanges(before, after);
        if (changes.isEmpty()) {
            return before;
        }
        repository.save(after, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
        audit.record(
                actor,
                AuditAction.UPDATE,
                "account_plan.updated",
                "account_setting",
                1L,
                "Plan and API limits",
                String.join("; ", changes));
        epoch.bump();
        if (after.sandbox() && !before.sandbox()) {
            log.warn("{} turned the sandbox clock on: API rate limits are no longer enforced", actor.name());
        }
        return after;
    }

    private static Plan plan(PlanLimits limits) {
        return Plan.fromWireName(limits.plan()).orElseThrow();
    }

    private static List<String> describeChanges(PlanLimits before, PlanLimits after) {
        List<String> changes = new ArrayList<>();
        change(changes, "Plan", plan(before).label(), plan(after).label());
        change(changes, "High Volume API add-on", onOff(before.highVolume()), onOff(after.highVolume()));
        change(changes, "Sandbox clock", onOff(before.sandbox()), onOff(after.sandbox()));
        if (!changes.isEmpty()) {
            change(
                    changes,
                    "Requests per minute",
                    Integer.toString(before.requestsPerMinute()),
                    Integer.toString(after.requestsPerMinute()));
            change(
                    changes,
                    "Incremental exports per minute",
                    Integer.toString(before.exportsPerMinute()),
                    Integer.toString(after.exportsPerMinute()));
        }
        return changes;
    }

    private static void change(List<String> changes, String label, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + ": " + before + " → " + after);
        }
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }
}
