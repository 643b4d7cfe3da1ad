package io.deskbridge.sync.cli;

import io.deskbridge.sync.engine.RunJson;
import io.deskbridge.sync.engine.RunJson.RunBody;
import io.deskbridge.sync.engine.RunJson.RunListBody;
import java.time.Instant;
import java.util.List;

/** Run JSON for a fake sync, written from sync's own wire records (so a renamed field breaks these tests). */
final class FollowedRuns {

    static final Instant QUEUED_AT = Instant.parse("2026-11-28T10:00:00Z");

    private FollowedRuns() {}

    /** A run in {@code state}; the wait and retry fields as given, the rest plausible. */
    static RunJson run(
            long id,
            String stream,
            String state,
            long records,
            Double progress,
            String waitReason,
            Instant waitUntil,
            long retries,
            String lastRetryError,
            String error) {
        boolean finished = List.of("succeeded", "failed", "paused").contains(state);
        return new RunJson(
                id,
                7,
                stream,
                "manual",
                state,
                QUEUED_AT,
                "queued".equals(state) ? null : QUEUED_AT.plusSeconds(1),
                finished ? QUEUED_AT.plusSeconds(60) : null,
                records,
                records / 100,
                records / 100 + 1 + retries,
                0,
                0,
                "queued".equals(state) ? null : 50.0,
                progress,
                null,
                null,
                error,
                waitReason,
                waitUntil,
                retries,
                lastRetryError);
    }

    static String body(RunJson run) {
        return Json.MAPPER.writeValueAsString(new RunBody(run));
    }

    static String list(RunJson... runs) {
        return Json.MAPPER.writeValueAsString(new RunListBody(List.of(runs)));
    }
}
