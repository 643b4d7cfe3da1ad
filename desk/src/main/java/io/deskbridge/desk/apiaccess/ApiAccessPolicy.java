package io.deskbridge.desk.apiaccess;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's API configuration. Read on every API request from memory; a save takes effect on the
 * next request of every desk instance (through {@link ChangeEpoch}).
 */
@Service
public class ApiAccessPolicy {

    static final int MAX_DAYS = 3650;

    private final ApiAccessRepository repository;
    private final AuditLog audit;
    private final ChangeEpoch epoch;
    private final Clock clock;
    private final EpochCachedValue<ApiAccessSettings> cached;

    ApiAccessPolicy(ApiAccessRepository repository, AuditLog audit, ChangeEpoch epoch, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.epoch = epoch;
        this.clock = clock;
        this.cached = new EpochCachedValue<>(epoch, repository::load);
    }

    /** The settings in force now. */
    public ApiAccessSettings current() {
        return cached.get();
    }

    /**
     * The settings, read with a row lock held to the end of the caller's transaction: token changes
     * take it so that they serialise with each other and with a switch-off.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApiAccessSettings lockForTokenChange() {
        return repository.loadForUpdate();
    }

    /** Applies a change, audits what changed, and returns the new settings. */
    @Transactional
    public ApiAccessSettings update(Actor actor, ApiAccessUpdate update) {
        validate(update);
        ApiAccessSettings before = repository.loadForUpdate();
        Integer maxDays = Boolean.TRUE.equals(update.allowNeverExpiring())
                ? null
                : update.tokenMaxLifetimeDays() != null ? update.tokenMaxLifetimeDays() : before.tokenMaxLifetimeDays();
        if (Boolean.FALSE.equals(update.allowNeverExpiring()) && maxDays == null) {
            throw new RecordInvalidException(
                    "token_max_lifetime_days",
                    "BlankValue",
                    "Token max lifetime days: give a maximum (1 to " + MAX_DAYS
                            + ") when never-expiring tokens are not allowed");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        ApiAccessSettings after = new ApiAccessSettings(
                orElse(update.tokenAccess(), before.tokenAccess()),
                orElse(update.passwordAccess(), before.passwordAccess()),
                maxDays,
                orElse(update.tokenIdleDays(), before.tokenIdleDays()),
                orElse(update.tokenRetentionDays(), before.tokenRetentionDays()),
                now);
        List<String> changes = describeChanges(before, after);
        if (changes.isEmpty()) {
            return before;
        }
        repository.save(after, now);
        audit.record(
                actor,
                AuditAction.UPDATE,
                "account_settings.updated",
                "account_setting",
                1L,
                "API configuration",
                String.join("; ", changes));
        epoch.bump();
        return after;
    }

    private static void validate(ApiAccessUpdate u) {
        Map<String, List<Map<String, String>>> errors = new LinkedHashMap<>();
        range(errors, "token_max_lifetime_days", "Token max lifetime days", u.tokenMaxLifetimeDays(), 1);
        range(errors, "token_idle_days", "Token idle days", u.tokenIdleDays(), 0);
        range(errors, "token_retention_days", "Token retention days", u.tokenRetentionDays(), 1);
        if (!errors.isEmpty()) {
            throw new RecordInvalidException(errors);
        }
    }

    private static void range(
            Map<String, List<Map<String, String>>> errors, String field, String label, Integer value, int min) {
        if (value != null && (value < min || value > MAX_DAYS)) {
            errors.put(
                    field,
                    List.of(RecordInvalidException.problem(
                            label + ": " + value + " is outside " + min + " to " + MAX_DAYS, "InvalidValue")));
        }
    }

    private static List<String> describeChanges(ApiAccessSettings before, ApiAccessSettings after) {
        List<String> changes = new ArrayList<>();
        change(changes, "Allow API token access", onOff(before.tokenAccess()), onOff(after.tokenAccess()));
        change(changes, "Allow password access", onOff(before.passwordAccess()), onOff(after.passwordAccess()));
        change(changes, "Token max lifetime", days(before.tokenMaxLifetimeDays()), days(after.tokenMaxLifetimeDays()));
        change(changes, "Deactivate tokens unused for", idle(before.tokenIdleDays()), idle(after.tokenIdleDays()));
        change(
                changes,
                "Delete deactivated tokens after",
                before.tokenRetentionDays() + " days",
                after.tokenRetentionDays() + " days");
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

    private static String days(Integer value) {
        return value == null ? "never expires allowed" : value + " days";
    }

    private static String idle(int value) {
        return value == 0 ? "off" : value + " days";
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
