package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.DeskAccessLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 5, "Done when" 3: desk on the Team plan with its limits enforced (200 requests per minute,
 * 10 incremental export requests per minute, both per clock minute and refilled at the minute
 * boundary), sync allowed the whole export budget ({@code sync.engine.quota-share=1.0}) and a
 * dataset that needs about 26 export requests of {@value #PAGE_SIZE} records, so three export
 * windows. The sync must finish with no 429 after the first and within 1.1× of the theoretical
 * minimum.
 *
 * <p>The theoretical minimum, precisely. Let {@code k} be the number of export requests the data
 * needs at this page size (counted independently by walking desk's four exports with {@link
 * DeskExports#requests}), {@code t0} the moment the test asks for the sync (300 ms after a clock-minute
 * boundary {@code M0}), and {@code M_i = M0 + i minutes} the start of export window {@code i}. A
 * window serves at most 10 export requests, so the {@code k}-th request cannot be served before
 * window {@code w = ceil(k / 10) - 1}, which starts at {@code M_w}. The requests beyond the first
 * {@code 10·w} cannot start earlier either; each stream's requests follow one another (a page's
 * cursor names the next page), streams run side by side. So the earliest possible finish is {@code
 * M_w + S}, where {@code S} is the longest per-stream sum of desk's own serving times (from desk's
 * access log, begin to end of the response) of the last {@code k - 10·w} export requests desk served;
 * sync's time to store them is not counted, which makes the minimum a strict lower bound. Minimum
 * duration = {@code M_w + S - t0}; actual duration = the latest run's {@code finished_at} - {@code
 * t0}. Both are printed with their ratio.
 *
 * <p>The 429s are counted twice, independently: from sync's runs ({@code rate_limited}) and from
 * desk's own access log (desk does not log its refusals otherwise); both must agree.
 *
 * <p>Decision, which database run: PostgreSQL only (tag {@code postgres-only}), the production
 * setup; the engine's pacing does not depend on the database, and the test takes about three
 * minutes.
 *
 * <p>Decision, a timing assertion: the project keeps timing out of tests, but the issue makes this
 * one a "Done when" point. The bound is about windows, not speed: a sync that wastes one export
 * window takes 60 s longer (a ratio of about 1.5), while the slack the test allows (12 s) is far above
 * what a slow machine adds to storing three windows' pages.
 */
@Tag("postgres-only")
@TestPropertySource(
        properties = {"sync.engine.quota-share=1.0", "sync.engine.page-size=" + QuotaIntegrationTests.PAGE_SIZE})
class QuotaIntegrationTests extends TeamPlanSyncTest {

    static final int PAGE_SIZE = 100;

    @Override
    int tickets() {
        return 900;
    }

    @Override
    int users() {
        return 400;
    }

    @Override
    int organizations() {
        return 50;
    }

    @Override
    int pageSize() {
        return PAGE_SIZE;
    }

    @Test
    void shouldSyncWithoutA429AfterTheFirstWithinATenthOverTheMinimumTheExportLimitAllows() throws Exception {
        Sync sync = syncFromAMinute(Duration.ofMinutes(8));

        int k = sync.k();
        int w = (k + EXPORTS_PER_MINUTE - 1) / EXPORTS_PER_MINUTE - 1;
        Instant lastWindow = sync.windowStart().plus(Duration.ofMinutes(w));
        List<DeskAccessLog.Entry> ok = sync.ok();
        List<DeskAccessLog.Entry> beyond = ok.subList(Math.max(0, ok.size() - (k - EXPORTS_PER_MINUTE * w)), ok.size());
        long lastServing = beyond.stream()
                .collect(Collectors.groupingBy(e -> stream(e.path()), Collectors.summingLong(e -> e.servedMillis())))
                .values()
                .stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        Duration minimum = Duration.between(sync.t0(), lastWindow).plusMillis(lastServing);
        Duration actual = sync.actual();
        double ratio = actual.toMillis() / (double) minimum.toMillis();
        System.out.printf(
                "Quota test (Team plan, %d export requests/min, quota share 1.0, %d records per page):%n"
                        + "  export requests needed k = %d %s -> %d windows; sync made %d (desk served %d, %d of them"
                        + " 200); per clock minute %s%n"
                        + "  first request %d ms after t0; last %d requests served in %d ms (longest stream)%n"
                        + "  actual duration %.3f s, theoretical minimum %.3f s, ratio %.4f%n"
                        + "  429s: %d counted by sync's runs, %d in desk's access log%n",
                EXPORTS_PER_MINUTE,
                PAGE_SIZE,
                k,
                sync.needed(),
                w + 1,
                sync.syncRequests(),
                sync.served().size(),
                ok.size(),
                sync.perMinute().values(),
                Duration.between(sync.t0(), sync.served().get(0).begin()).toMillis(),
                beyond.size(),
                lastServing,
                actual.toMillis() / 1000.0,
                minimum.toMillis() / 1000.0,
                ratio,
                sync.sync429(),
                sync.desk429());

        assertThat(sync.runs())
                .allSatisfy(run -> assertThat(run.get("state").asString())
                        .as(run.toString())
                        .isEqualTo("succeeded"));
        assertThat(k)
                .as("export requests the data needs: more than two windows")
                .isGreaterThan(2 * EXPORTS_PER_MINUTE);
        assertThat(sync.desk429()).as("429s desk answered (at most the first)").isLessThanOrEqualTo(1);
        assertThat(sync.sync429()).as("429s sync's runs counted").isEqualTo(sync.desk429());
        assertThat(sync.syncRequests())
                .as("export requests sync counted vs desk served")
                .isEqualTo(sync.served().size());
        assertThat(ok).as("pages sync asked for: each needed page exactly once").hasSize(k);
        assertThat(sync.perMinute().values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(EXPORTS_PER_MINUTE));
        assertThat(ratio).as("actual / theoretical minimum").isLessThanOrEqualTo(1.1);
        // While a run waited for the export window, its JSON said so and when the window resets
        // (what `sync-cli sync run --follow` shows): at most a minute after it was asked.
        assertThat(sync.waits()).anySatisfy(polled -> {
            assertThat(polled.run().get("state").asString()).isEqualTo("running");
            assertThat(polled.run().get("wait_reason").asString()).isEqualTo("export_window");
            assertThat(Instant.parse(polled.run().get("wait_until").asString()))
                    .isBetween(
                            polled.polledAt().minusSeconds(1), polled.polledAt().plusSeconds(61));
        });
        assertStoreEqualsDesk();
    }
}
