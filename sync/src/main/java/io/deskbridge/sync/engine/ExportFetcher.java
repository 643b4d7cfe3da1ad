package io.deskbridge.sync.engine;

import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.zendesk.ZendeskCallRefusedException;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import io.deskbridge.sync.zendesk.ZendeskUnreachableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets one export page: paced by the rate governor, with the connection's current credential (read
 * for every request, so a rotated credential applies at once), retried with a shrinking page and a
 * capped exponential backoff on 5xx, 408, timeouts and missing answers, waiting out 429s, and
 * re-reading the credential once on 401/403 before giving up; an exchange sync refused by its own rule
 * (an answer over the size limit, a forbidden address) fails the run at once. Never a tight loop: every repeat waits
 * for the governor (429) or the backoff (failures).
 */
final class ExportFetcher {

    private static final Logger log = LoggerFactory.getLogger(ExportFetcher.class);

    /** After this many 429s in a row on one page the run fails instead of waiting forever. */
    static final int MAX_RATE_LIMITED_IN_A_ROW = 30;

    /** Waits shorter than this are not reported (the governor's 50 ms first-answer polls, tiny remainders). */
    static final Duration REPORTED_WAIT = Duration.ofSeconds(1);

    /**
     * What the run is doing between requests, for whoever shows its progress: told when a wait of at
     * least {@link #REPORTED_WAIT} begins (why, until when) and when it ended, and of each failed
     * attempt that is retried (before its backoff wait).
     */
    interface RunActivity {
        void waiting(WaitReason reason, Instant until);

        void retrying(String error);

        void resumed();

        RunActivity NONE = new RunActivity() {
            @Override
            public void waiting(WaitReason reason, Instant until) {}

            @Override
            public void retrying(String error) {}

            @Override
            public void resumed() {}
        };
    }

    /** One exchange; tests pass a fake. */
    interface Exchange {
        ZendeskResponse get(ZendeskAddress address, Credential credential, String path);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Exchange exchange;
    private final RateGovernor governor;
    private final Sleeper sleeper;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration backoffMax;

    ExportFetcher(
            Exchange exchange,
            RateGovernor governor,
            Sleeper sleeper,
            Clock clock,
            int maxAttempts,
            Duration backoff,
            Duration backoffMax) {
        this.exchange = exchange;
        this.governor = governor;
        this.sleeper = sleeper;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.backoffMax = backoffMax;
    }

    /**
     * An answer, and the page {@code reader} made of a 2xx answer's JSON (else null).
     *
     * @param pageSize the page size the answer was asked for
     */
    record Answer<P>(ZendeskResponse response, P page, int pageSize) {}

    /**
     * An answer that is 2xx, or 400/422 (the caller decides: a rejected cursor, a start time too
     * recent). A 2xx answer's JSON is read by {@code reader} when there is one (its raw bytes when the
     * exchange kept them, on the calling thread): a body that is not a valid page ({@link
     * PageReader.MalformedPageException}) is a failed attempt, retried like a 5xx.
     *
     * @param credentials the connection's current credential, read for every request
     * @param pathForSize the request for a page size
     * @param activity told about waits and retries as they happen
     * @param reader makes the page of a 2xx answer; null for none (the answer's page is then null)
     * @throws SyncFailedException when it cannot get the page; the message names the stream and why
     */
    <P> Answer<P> fetch(
            String stream,
            ZendeskAddress address,
            Credentials credentials,
            long connectionId,
            IntFunction<String> pathForSize,
            PageSizer sizer,
            PageCounters counters,
            RunActivity activity,
            Function<byte[], P> reader) {
        String account = address.baseUrl().toString();
        int failures = 0;
        int rateLimited = 0;
        boolean credentialReread = false;
        boolean refused = false;
        String lastFailure = null;
        while (true) {
            // Read after the wait: a credential replaced while waiting for the window goes out at once.
            boolean[] reported = {false};
            long governed = governor.acquire(account, true, (reason, until) -> {
                        if (reason != null && !until.isBefore(clock.instant().plus(REPORTED_WAIT))) {
                            activity.waiting(reason, until);
                            reported[0] = true;
                        }
                    })
                    .toMillis();
            if (reported[0]) {
                activity.resumed();
            }
            counters.waitedMillis += governed;
            if (failures > 0 && governed > 0) {
                // The log then says every wait there was, not only the backoff it announced.
                log.info(
                        "{}: waited another {} ms for the account's rate window before attempt {}",
                        stream,
                        governed,
                        failures + 1);
            }
            Credential credential =
                    refused ? credentials.afterRefusal(connectionId) : credentials.current(connectionId);
            refused = false;
            int pageSize = sizer.current();
            String path = pathForSize.apply(pageSize);
            counters.requests++;
            ZendeskResponse response;
            try {
                response = exchange.get(address, credential, path);
            } catch (ZendeskUnreachableException e) {
                lastFailure = e.getMessage();
                // Refused or unreachable: nothing read the request, so a smaller page cannot help.
                failures = failed(stream, sizer, counters, failures, lastFailure, e.pageSizeMayHelp(), activity);
                continue;
            } catch (ZendeskCallRefusedException e) {
                // sync's own rule stopped the exchange (an oversized answer, a forbidden address):
                // the same request would end the same way, so the run fails now with the reason.
                throw new SyncFailedException(stream + ": " + e.getMessage());
            }
            governor.observe(account, true, response.status(), response.rateLimits(), clock.instant());
            int status = response.status();
            if (response.ok() && response.hasJson()) {
                P page = null;
                if (reader != null) {
                    try {
                        page = reader.apply(
                                response.raw() != null ? response.raw() : JSON.writeValueAsBytes(response.body()));
                    } catch (PageReader.MalformedPageException e) {
                        lastFailure = "HTTP " + status + " with " + e.getMessage();
                        failures = failed(stream, sizer, counters, failures, lastFailure, true, activity);
                        continue;
                    }
                }
                sizer.succeeded();
                return new Answer<>(response, page, pageSize);
            }
            if (status == 429) {
                counters.rateLimited++;
                if (++rateLimited >= MAX_RATE_LIMITED_IN_A_ROW) {
                    throw new SyncFailedException(stream + ": the account answered 429 (rate limited) " + rateLimited
                            + " times in a row; other apps may be using the whole budget. Last answer: "
                            + response.errorSummary());
                }
                continue;
            }
            if (status == 401 || status == 403) {
                if (!credentialReread) {
                    // The credential may have been replaced since it was read: read it once more.
                    credentialReread = true;
                    refused = true;
                    log.info("{}: HTTP {} from {}; reading the connection's credential again", stream, status, address);
                    continue;
                }
                throw new SyncFailedException(stream + ": " + response.errorSummary()
                        + " — the account refused the connection's credential (also after reading it again)."
                        + " Run the connection's diagnostics, or send new credentials through a request link.");
            }
            if (status >= 500 || status == 408 || (response.ok() && !response.hasJson())) {
                lastFailure = response.ok() ? "HTTP " + status + " without a JSON body" : response.errorSummary();
                failures = failed(stream, sizer, counters, failures, lastFailure, true, activity);
                continue;
            }
            if (status == 400 || status == 422) {
                return new Answer<>(response, null, pageSize);
            }
            throw new SyncFailedException(stream + ": " + response.errorSummary() + " for " + response.url());
        }
    }

    /**
     * Where the fetcher gets the credential for each request. After a 401/403 it asks once for
     * {@link #afterRefusal}: the credential may have been replaced meanwhile, or (OAuth) revoked early
     * and refreshable.
     */
    @FunctionalInterface
    interface Credentials {

        /** @throws SyncFailedException when the connection has no usable credential */
        Credential current(long connectionId);

        default Credential afterRefusal(long connectionId) {
            return current(connectionId);
        }
    }

    private int failed(
            String stream,
            PageSizer sizer,
            PageCounters counters,
            int failures,
            String why,
            boolean shrink,
            RunActivity activity) {
        int attempt = failures + 1;
        if (attempt >= maxAttempts) {
            throw new SyncFailedException(stream + ": gave up after " + attempt + " failed attempts at the same page"
                    + " (page size down to " + sizer.current() + "); the last one: " + why);
        }
        if (shrink) {
            sizer.failed();
        }
        Duration wait = backoff(attempt);
        log.warn(
                "{}: attempt {} failed ({}); retrying from the same position with {} records per page{} in {} ms",
                stream,
                attempt,
                why,
                sizer.current(),
                shrink ? "" : " (kept: nothing answered, so a smaller page cannot help)",
                wait.toMillis());
        activity.retrying(why);
        boolean reported = wait.compareTo(REPORTED_WAIT) >= 0;
        if (reported) {
            activity.waiting(WaitReason.BACKOFF, clock.instant().plus(wait));
        }
        sleeper.sleep(wait);
        if (reported) {
            activity.resumed();
        }
        counters.waitedMillis += wait.toMillis();
        return attempt;
    }

    /** {@code backoff × 2^(attempt-1)}, at most {@code backoffMax}. */
    Duration backoff(int attempt) {
        Duration wait = backoff;
        for (int i = 1; i < attempt && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
