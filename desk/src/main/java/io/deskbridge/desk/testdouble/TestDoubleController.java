package io.deskbridge.desk.testdouble;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.testdouble.AccountSnapshots.SnapshotSummary;
import io.deskbridge.desk.testdouble.FaultInjector.Fault;
import io.deskbridge.desk.testdouble.FaultInjector.FaultRequest;
import io.deskbridge.desk.testdouble.FaultInjector.InjectedFault;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code /_desk/} API: reset, fixtures, snapshots and faults, for integration suites (see
 * {@link TestDoubleProperties} for when it exists and who may call it). Every change is written to
 * the account's audit log, as the caller that made it, and to the application log.
 */
@RestController
class TestDoubleController {

    private static final Logger log = LoggerFactory.getLogger(TestDoubleController.class);
    private static final String SOURCE_TYPE = "test_double";
    private static final Duration MAX_ADVANCE = Duration.ofDays(366);

    private final AccountSnapshots snapshots;
    private final FixtureLoader fixtures;
    private final FaultInjector faults;
    private final AuditLog audit;
    private final Clock clock;

    TestDoubleController(
            AccountSnapshots snapshots, FixtureLoader fixtures, FaultInjector faults, AuditLog audit, Clock clock) {
        this.snapshots = snapshots;
        this.fixtures = fixtures;
        this.faults = faults;
        this.audit = audit;
        this.clock = clock;
    }

    record SnapshotJson(String name, long tickets, long users, long tookMs) {
        static SnapshotJson of(SnapshotSummary summary, long tookMs) {
            return new SnapshotJson(summary.name(), summary.tickets(), summary.users(), tookMs);
        }
    }

    record ResetEnvelope(SnapshotJson reset) {}

    record SnapshotEnvelope(SnapshotJson snapshot) {}

    record SnapshotNames(List<String> snapshots) {}

    record FixtureEnvelope(Fixture.Loaded fixture) {}

    record FaultBody(FaultRequest fault) {}

    record FaultEnvelope(Fault fault) {}

    record FaultList(List<Fault> faults, List<InjectedFault> injected) {}

    /** desk's time and how far ahead of the system clock it runs. */
    record ClockJson(Instant now, long offsetMs) {}

    record ClockEnvelope(ClockJson clock) {}

    /** {@code {"advance_ms": N}}: how far to move desk's clock forward. */
    record ClockAdvance(Long advanceMs) {}

    @PostMapping("/_desk/reset")
    ResetEnvelope reset(HttpServletRequest request) {
        long started = clock.millis();
        SnapshotSummary summary = snapshots.restore(AccountSnapshots.FRESH);
        long took = clock.millis() - started;
        record(request, AuditAction.UPDATE, "test_double.reset", "reset", "Reset the account to a fresh one");
        return new ResetEnvelope(SnapshotJson.of(summary, took));
    }

    @PostMapping("/_desk/fixtures")
    ResponseEntity<FixtureEnvelope> load(HttpServletRequest request, @RequestBody Fixture fixture) {
        if (fixture == null) {
            throw new BadRequestException(
                    "InvalidFixture", "The body is a fixture: {\"users\": [...], \"tickets\": [...]}");
        }
        Fixture.Loaded loaded = fixtures.load(actor(request), fixture);
        record(
                request,
                AuditAction.CREATE,
                "test_double.fixture_loaded",
                "fixture",
                "Loaded a fixture: " + loaded.organizations() + " organizations, " + loaded.users() + " users, "
                        + loaded.apiTokens() + " API tokens, " + loaded.tickets() + " tickets");
        return ResponseEntity.status(HttpStatus.CREATED).body(new FixtureEnvelope(loaded));
    }

    @GetMapping("/_desk/snapshots")
    SnapshotNames snapshots() {
        return new SnapshotNames(snapshots.names());
    }

    @PutMapping("/_desk/snapshots/{name}")
    SnapshotEnvelope save(HttpServletRequest request, @PathVariable String name) {
        long started = clock.millis();
        SnapshotSummary summary = snapshots.save(name);
        long took = clock.millis() - started;
        record(request, AuditAction.CREATE, "test_double.snapshot_saved", name, "Saved snapshot '" + name + "'");
        return new SnapshotEnvelope(SnapshotJson.of(summary, took));
    }

    @PostMapping("/_desk/snapshots/{name}/restore")
    SnapshotEnvelope restore(HttpServletRequest request, @PathVariable String name) {
        long started = clock.millis();
        SnapshotSummary summary = snapshots.restore(name);
        long took = clock.millis() - started;
        record(request, AuditAction.UPDATE, "test_double.snapshot_restored", name, "Restored snapshot '" + name + "'");
        return new SnapshotEnvelope(SnapshotJson.of(summary, took));
    }

    @DeleteMapping("/_desk/snapshots/{name}")
    ResponseEntity<Void> delete(HttpServletRequest request, @PathVariable String name) {
        snapshots.delete(name);
        record(request, AuditAction.DESTROY, "test_double.snapshot_deleted", name, "Deleted snapshot '" + name + "'");
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/_desk/faults")
    ResponseEntity<FaultEnvelope> addFault(HttpServletRequest request, @RequestBody FaultBody body) {
        Fault fault = faults.add(body == null ? null : body.fault());
        record(
                request,
                AuditAction.CREATE,
                "test_double.fault_added",
                fault.path(),
                "Added fault " + fault.id() + ": " + (fault.status() == null ? "" : "status " + fault.status() + " ")
                        + (fault.delayMs() > 0 ? "delay " + fault.delayMs() + " ms " : "") + "for the next "
                        + fault.times() + " " + (fault.method() == null ? "" : fault.method() + " ") + fault.path());
        return ResponseEntity.status(HttpStatus.CREATED).body(new FaultEnvelope(fault));
    }

    @GetMapping("/_desk/faults")
    FaultList faults() {
        return new FaultList(faults.faults(), faults.injected());
    }

    @DeleteMapping("/_desk/faults")
    ResponseEntity<Void> clearFaults(HttpServletRequest request) {
        faults.clear();
        record(request, AuditAction.DESTROY, "test_double.faults_cleared", "faults", "Cleared every fault");
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/_desk/clock")
    ClockEnvelope clock() {
        return new ClockEnvelope(clockJson(advancing()));
    }

    /**
     * Moves desk's clock forward (never back: ids, {@code generated_timestamp}s and export cursors assume
     * time does not run backwards), so a suite can reach the next rate-limit window, a token's expiry or
     * an automation's hour without waiting. A reset does not move it back either.
     */
    @PostMapping("/_desk/clock/advance")
    ClockEnvelope advanceClock(HttpServletRequest request, @RequestBody(required = false) ClockAdvance body) {
        AdvancingClock advancing = advancing();
        Long millis = body == null ? null : body.advanceMs();
        if (millis == null || millis < 1 || millis > MAX_ADVANCE.toMillis()) {
            throw new BadRequestException(
                    "InvalidClockAdvance",
                    "The body is {\"advance_ms\": N} with N from 1 to " + MAX_ADVANCE.toMillis()
                            + " (a year); the clock only moves forward");
        }
        advancing.advance(Duration.ofMillis(millis));
        ClockJson moved = clockJson(advancing);
        record(
                request,
                AuditAction.UPDATE,
                "test_double.clock_advanced",
                "clock",
                "Moved desk's clock forward by " + millis + " ms, to " + moved.now());
        return new ClockEnvelope(moved);
    }

    private AdvancingClock advancing() {
        if (clock instanceof AdvancingClock advancing) {
            return advancing;
        }
        // Only when an embedding application replaced desk's clock with one of its own.
        throw new BadRequestException("ClockNotAdjustable", "This desk runs on a clock the test double cannot move");
    }

    private ClockJson clockJson(AdvancingClock advancing) {
        return new ClockJson(clock.instant(), advancing.offset().toMillis());
    }

    private void record(
            HttpServletRequest request, AuditAction action, String event, String label, String description) {
        Actor actor = actor(request);
        log.info("Test double: {} by {} from {}", description, actor.name(), request.getRemoteAddr());
        audit.record(actor, action, event, SOURCE_TYPE, null, label, description);
    }

    private static Actor actor(HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.getPrincipal() instanceof DeskPrincipal principal) {
            return Actor.user(principal.userId(), principal.name(), request.getRemoteAddr());
        }
        return new Actor(null, TestDoubleKeyFilter.KEY_HOLDER, request.getRemoteAddr());
    }
}
