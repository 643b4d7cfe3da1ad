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
 * The default quota share (0.5) on a desk with the Team plan's limits enforced: sync uses at most
 * half of each export window — never more than {@code floor(10 × 0.5) = 5} export requests in one
 * clock minute, counted from desk's own access log — so agents and other integrations keep the
 * other half; and it uses that half fully (it finishes in the window where {@code ceil(k / 5)}
 * requests at five a minute must end, {@code k} the requests the data needs). The printed minimum
 * is defined as in {@link QuotaIntegrationTests}, with 5 requests per window.
 *
 * <p>PostgreSQL run only (about two minutes), like {@link QuotaIntegrationTests}.
 */
@Tag("postgres-only")
@TestPropertySource(
        properties = {"sync.engine.quota-share=0.5", "sync.engine.page-size=" + QuotaShareIntegrationTests.PAGE_SIZE})
class QuotaShareIntegrationTests extends TeamPlanSyncTest {

    static final int PAGE_SIZE = 100;
    static final int SHARE_PER_MINUTE = 5;

    @Override
    int tickets() {
        return 300;
    }

    @Override
    int users() {
        return 100;
    }

    @Override
    int organizations() {
        return 10;
    }

    @Override
    int pageSize() {
        return PAGE_SIZE;
    }

    @Test
    void shouldUseAtMostHalfOfEachExportWindowAndAllOfThatHalf() throws Exception {
        Sync sync = syncFromAMinute(Duration.ofMinutes(6));

        int k = sync.k();
        int windows = (k + SHARE_PER_MINUTE - 1) / SHARE_PER_MINUTE;
        Instant lastWindow = sync.windowStart().plus(Duration.ofMinutes(windows - 1));
        List<DeskAccessLog.Entry> ok = sync.ok();
        long lastServing = ok
                .subList(Math.max(0, ok.size() - (k - SHARE_PER_MINUTE * (windows - 1))), ok.size())
                .stream()
                .collect(Collectors.groupingBy(e -> stream(e.path()), Collectors.summingLong(e -> e.servedMillis())))
                .values()
                .stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        Duration minimum = Duration.between(sync.t0(), lastWindow).plusMillis(lastServing);
        System.out.printf(
                "Quota share test (Team plan, quota share 0.5 = %d export requests/min, %d records per page):%n"
                        + "  export requests needed k = %d %s -> %d windows; desk served %d; per clock minute %s%n"
                        + "  actual duration %.3f s, minimum at the share %.3f s, ratio %.4f; 429s: sync %d, desk %d%n",
                SHARE_PER_MINUTE,
                PAGE_SIZE,
                k,
                sync.needed(),
                windows,
                sync.served().size(),
                sync.perMinute().values(),
                sync.actual().toMillis() / 1000.0,
                minimum.toMillis() / 1000.0,
                sync.actual().toMillis() / (double) minimum.toMillis(),
                sync.sync429(),
                sync.desk429());

        assertThat(sync.runs())
                .allSatisfy(run -> assertThat(run.get("state").asString())
                        .as(run.toString())
                        .isEqualTo("succeeded"));
        assertThat(k)
                .as("export requests the data needs: more than one window's share")
                .isGreaterThan(SHARE_PER_MINUTE);
        assertThat(sync.perMinute().values())
                .as("export requests per clock minute")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(SHARE_PER_MINUTE));
        assertThat(sync.desk429()).isZero();
        assertThat(sync.sync429()).isZero();
        assertThat(ok).as("pages sync asked for: each needed page exactly once").hasSize(k);
        assertThat(sync.finished())
                .as("finished in the window where %d requests at %d a minute end", k, SHARE_PER_MINUTE)
                .isBefore(lastWindow.plus(Duration.ofMinutes(1)));
        assertStoreEqualsDesk();
    }
}
