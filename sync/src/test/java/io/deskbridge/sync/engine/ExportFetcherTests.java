package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.zendesk.RateLimits;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import io.deskbridge.sync.zendesk.ZendeskUnreachableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

class ExportFetcherTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZendeskAddress ADDRESS = ZendeskAddress.ofBaseUrl("https://acme.zendesk.com");

    private final FakeTime time = new FakeTime(Instant.parse("2026-11-28T10:00:00Z"));
    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<String> paths = new ArrayList<>();
    private final List<Credential> credentialsSent = new ArrayList<>();
    private final RateGovernor governor = new RateGovernor(1.0, time, time);
    private final ExportFetcher fetcher = new ExportFetcher(
            (address, credential, path) -> {
                paths.add(path);
                credentialsSent.add(credential);
                Object next = answers.removeFirst();
                if (next instanceof RuntimeException failure) {
                    throw failure;
                }
                return (ZendeskResponse) next;
            },
            governor,
            time,
            time,
            4,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    private final PageCounters counters = new PageCounters();
    private final List<String> activities = new ArrayList<>();
    private final ExportFetcher.RunActivity activity = new ExportFetcher.RunActivity() {
        @Override
        public void waiting(WaitReason reason, Instant until) {
            activities.add("waiting " + reason + " until " + until);
        }

        @Override
        public void retrying(String error) {
            activities.add("retrying after " + error);
        }

        @Override
        public void resumed() {
            activities.add("resumed");
        }
    };
    private int credentialReads;

    private static ZendeskResponse answer(int status, String body, RateLimits limits) {
        return new ZendeskResponse(
                URI.create("/api/v2/incremental/tickets/cursor.json"),
                status,
                HttpHeaders.of(Map.of(), (a, b) -> true),
                body == null ? null : JSON.readTree(body),
                body == null ? "upstream timed out" : "",
                limits,
                Duration.ofMillis(5));
    }

    private static RateLimits none() {
        return new RateLimits(null, Map.of(), OptionalLong.empty());
    }

    /** The delay a retry or pacing line of the fetcher announces, in ms (0 for other lines). */
    private static long announcedMillis(String message) {
        java.util.regex.Matcher retry =
                java.util.regex.Pattern.compile(" in (\\d+) ms$").matcher(message);
        if (message.contains("retrying") && retry.find()) {
            return Long.parseLong(retry.group(1));
        }
        java.util.regex.Matcher paced =
                java.util.regex.Pattern.compile("waited another (\\d+) ms").matcher(message);
        return paced.find() ? Long.parseLong(paced.group(1)) : 0;
    }

    private ZendeskResponse fetch(PageSizer sizer) {
        return fetcher.fetch(
                        "tickets",
                        ADDRESS,
                        id -> new ApiTokenCredential("admin@acme.test", "token-" + ++credentialReads),
                        1,
                        size -> "/page?per_page=" + size,
                        sizer,
                        counters,
                        activity,
                        null)
                .response();
    }

    @Test
    void shouldRetryA5xxFromTheSamePositionWithASmallerPageAfterABackoff() {
        answers.add(answer(503, null, none()));
        answers.add(answer(504, null, none()));
        answers.add(answer(200, "{\"tickets\":[]}", none()));

        ZendeskResponse response = fetch(new PageSizer(1000));

        assertThat(response.status()).isEqualTo(200);
        assertThat(paths).containsExactly("/page?per_page=1000", "/page?per_page=500", "/page?per_page=100");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(counters.requests).isEqualTo(3);
        assertThat(counters.waitedMillis).isEqualTo(6_000);
    }

    @Test
    void shouldKeepThePageSizeWhenNothingAnswersAndLogTheWaitItMakes() {
        URI url = URI.create("https://acme.zendesk.com/page");
        answers.add(new ZendeskUnreachableException(url, "connection refused", new ConnectException()));
        answers.add(new ZendeskUnreachableException(url, "connection refused", new ConnectException()));
        answers.add(new ZendeskUnreachableException(url, "no answer within 30 s", true, new IOException()));
        answers.add(answer(200, "{\"tickets\":[]}", none()));
        Logger logger = (Logger) LoggerFactory.getLogger(ExportFetcher.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            ZendeskResponse response = fetch(new PageSizer(1000));
            assertThat(response.status()).isEqualTo(200);
        } finally {
            logger.detachAppender(logged);
        }

        // Refused twice: the same page size (no server read the request); then a timeout: smaller.
        assertThat(paths)
                .containsExactly(
                        "/page?per_page=1000", "/page?per_page=1000", "/page?per_page=1000", "/page?per_page=500");
        // The backoffs (the governor also paces in 50 ms steps before the account has answered once).
        assertThat(time.sleeps.stream().filter(d -> d.compareTo(Duration.ofSeconds(1)) >= 0))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
        // Each announced delay is the wait that followed it.
        List<String> retries = logged.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("retrying"))
                .toList();
        assertThat(retries).hasSize(3);
        assertThat(retries.get(0))
                .endsWith(
                        "with 1000 records per page (kept: nothing answered, so a smaller page cannot help) in 2000 ms");
        assertThat(retries.get(1))
                .endsWith(
                        "with 1000 records per page (kept: nothing answered, so a smaller page cannot help) in 4000 ms");
        assertThat(retries.get(2)).endsWith("with 500 records per page in 5000 ms");
        // Every wait is counted: the backoffs and the governor's pacing.
        assertThat(counters.waitedMillis)
                .isEqualTo(time.sleeps.stream().mapToLong(Duration::toMillis).sum());
        // The pacing after a failure is logged too, so the log's delays add up to the real ones.
        long announced = logged.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .mapToLong(ExportFetcherTests::announcedMillis)
                .sum();
        long pacedBeforeFirstAttempt = counters.waitedMillis - announced;
        assertThat(pacedBeforeFirstAttempt).isBetween(0L, 1_000L);
    }

    @Test
    void shouldFailTheRunWithTheLastErrorAfterMaxAttempts() {
        for (int i = 0; i < 4; i++) {
            answers.add(answer(500, null, none()));
        }

        assertThatThrownBy(() -> fetch(new PageSizer(1000)))
                .isInstanceOf(SyncFailedException.class)
                .hasMessage("tickets: gave up after 4 failed attempts at the same page (page size down to 100);"
                        + " the last one: HTTP 500: upstream timed out");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    @Test
    void shouldWaitForRetryAfterOnA429WithoutCountingItAsAFailure() {
        answers.add(answer(429, null, new RateLimits(null, Map.of(), OptionalLong.of(7))));
        answers.add(answer(200, "{\"tickets\":[]}", none()));

        fetch(new PageSizer(1000));

        assertThat(paths).containsExactly("/page?per_page=1000", "/page?per_page=1000");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(counters.rateLimited).isEqualTo(1);
    }

    @Test
    void shouldReportEachRetryAndItsBackoffWaitAsTheyHappen() {
        answers.add(answer(503, null, none()));
        answers.add(answer(200, "{\"tickets\":[]}", none()));

        fetch(new PageSizer(1000));

        assertThat(activities)
                .containsExactly(
                        "retrying after HTTP 503: upstream timed out",
                        "waiting BACKOFF until 2026-11-28T10:00:02Z",
                        "resumed");
    }

    @Test
    void shouldReportTheRetryAfterWaitOfA429() {
        answers.add(answer(429, null, new RateLimits(null, Map.of(), OptionalLong.of(7))));
        answers.add(answer(200, "{\"tickets\":[]}", none()));

        fetch(new PageSizer(1000));

        assertThat(activities).containsExactly("waiting RETRY_AFTER until 2026-11-28T10:00:07Z", "resumed");
    }

    @Test
    void shouldReportTheWaitForTheExportWindowWithItsReset() {
        RateLimits lastExport = new RateLimits(
                new RateLimits.Window(700, 600, 30),
                Map.of(RateLimits.INCREMENTAL_EXPORTS, new RateLimits.Window(10, 0, 52)),
                OptionalLong.empty());
        answers.add(answer(200, "{\"tickets\":[]}", lastExport));
        answers.add(answer(200, "{\"tickets\":[]}", none()));
        fetch(new PageSizer(1000));

        fetch(new PageSizer(1000));

        assertThat(activities).containsExactly("waiting EXPORT_WINDOW until 2026-11-28T10:00:52Z", "resumed");
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(52));
    }

    @Test
    void shouldReadTheCredentialAgainOnceOn401() {
        answers.add(answer(401, "{\"error\":\"Couldn't authenticate you\"}", none()));
        answers.add(answer(200, "{\"tickets\":[]}", none()));

        fetch(new PageSizer(1000));

        assertThat(credentialsSent)
                .extracting(c -> ((ApiTokenCredential) c).token())
                .containsExactly("token-1", "token-2");
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void shouldFailWhenTheCredentialIsRefusedTwice() {
        answers.add(answer(401, "{\"error\":\"Couldn't authenticate you\"}", none()));
        answers.add(answer(403, "{\"error\":\"Forbidden\"}", none()));

        assertThatThrownBy(() -> fetch(new PageSizer(1000)))
                .isInstanceOf(SyncFailedException.class)
                .hasMessageStartingWith("tickets: HTTP 403 Forbidden — the account refused the connection's"
                        + " credential (also after reading it again).");
    }

    @Test
    void shouldHandBack400ForTheCallerToJudge() {
        answers.add(answer(400, "{\"error\":\"InvalidCursor\"}", none()));

        assertThat(fetch(new PageSizer(1000)).status()).isEqualTo(400);
    }

    @Test
    void shouldCapTheBackoff() {
        assertThat(fetcher.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(fetcher.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(fetcher.backoff(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(fetcher.backoff(30)).isEqualTo(Duration.ofSeconds(5));
    }
}
