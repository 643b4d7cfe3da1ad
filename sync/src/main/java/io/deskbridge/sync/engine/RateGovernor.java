package io.deskbridge.sync.engine;

import io.deskbridge.sync.zendesk.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces requests per Zendesk account (its base URL), from what each answer's headers say: the
 * account window ({@code X-Rate-Limit}/{@code -Remaining}, {@code ratelimit-reset}) and, for export
 * requests, the incremental exports window ({@code zendesk-ratelimit-incremental-exports: total=10;
 * remaining=9; resets=2}). All streams of all connections to one account share its state, in memory.
 *
 * <p>Decision, the quota share: sync may use {@code share} of each window, the account's and the
 * export one alike, and never less than one request per window: it goes ahead while {@code
 * remaining > limit - max(1, floor(limit × share))} and otherwise waits for the window's reset.
 * Requests of other apps count against the same remaining, so sync yields to them rather than
 * competing. With share 1.0 it uses the window to its last request.
 *
 * <p>Decision, when a window resets: Zendesk (and desk) send whole seconds to the reset, rounded up,
 * measured when the request was served. {@code received + resets} is therefore never before the real
 * reset; of all answers in one window the earliest such bound is kept, which narrows it to within a
 * fraction of a second, and the governor waits until exactly then. The window is then assumed full
 * again until the next answer says otherwise. Between the request and its answer the request is
 * already counted (remaining is decremented when a request is let through), so concurrent streams do
 * not all spend the last request.
 *
 * <p>Decision, the first request to an account: until an answer to it has been seen, the windows
 * are unknown and nothing can be counted against them, so requests sent meanwhile would be missing
 * from the count (streams start together: each would later be let through against a window that
 * does not know the others' requests, and the first window overshoots the share). So only one
 * request goes out until the first answer is observed; the others check again every {@link
 * #PROBE_POLL}. If no answer comes within {@link #PROBE_TIMEOUT} (the host does not answer, or
 * slowly), the others go ahead as before.
 *
 * <p>A 429 blocks every request to the account until {@code Retry-After} (60 s if absent) has passed.
 */
final class RateGovernor {

    /** Without a reset in the headers, assume the window is a minute long, from the answer. */
    static final Duration UNKNOWN_RESET = Duration.ofSeconds(60);

    /** How often a request waiting for the account's first answer checks again. */
    static final Duration PROBE_POLL = Duration.ofMillis(50);

    /** How long the other requests wait for the first answer before they go without it. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final double share;
    private final RatePacing pacing;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, AccountState> accounts = new ConcurrentHashMap<>();

    RateGovernor(double share, Clock clock, Sleeper sleeper) {
        this(share, RatePacing.HEADERS, clock, sleeper);
    }

    RateGovernor(double share, RatePacing pacing, Clock clock, Sleeper sleeper) {
        this.share = share;
        this.pacing = pacing;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Told before each wait: why and until when ({@code reason} null for the short first-answer polls). */
    @FunctionalInterface
    interface WaitListener {
        void waiting(WaitReason reason, Instant until);

        WaitListener NONE = (reason, until) -> {};
    }

    /**
     * Waits until a request may go out, and counts it.
     *
     * @param export whether it is an incremental export request (spends the export window too)
     * @return how long it waited
     */
    Duration acquire(String account, boolean export) {
        return acquire(account, export, WaitListener.NONE);
    }

    /** {@link #acquire(String, boolean)}, telling {@code listener} before each wait. */
    Duration acquire(String account, boolean export, WaitListener listener) {
        AccountState state = accounts.computeIfAbsent(account, a -> new AccountState());
        Duration waited = Duration.ZERO;
        while (true) {
            Instant now = clock.instant();
            Block block;
            synchronized (state) {
                block = state.blockedUntil(now, export, share, pacing);
                if (block == null) {
                    state.spend(export, now);
                    return waited;
                }
            }
            listener.waiting(block.reason(), block.until());
            Duration wait = Duration.between(now, block.until());
            sleeper.sleep(wait);
            waited = waited.plus(wait);
        }
    }

    /** Until when a request must wait, and why (null: the first-answer probe). */
    private record Block(Instant until, WaitReason reason) {}

    /** Reads an answer's headers; {@code received} is when the answer arrived. */
    void observe(String account, boolean export, int status, RateLimits limits, Instant received) {
        AccountState state = accounts.computeIfAbsent(account, a -> new AccountState());
        synchronized (state) {
            state.answered = true;
            if (limits.account() != null) {
                state.account = Window.merge(state.account, limits.account(), received);
            }
            RateLimits.Window exports = limits.endpoint(RateLimits.INCREMENTAL_EXPORTS);
            if (export && exports != null) {
                state.exports = Window.merge(state.exports, exports, received);
            }
            if (status == 429) {
                long seconds = limits.retryAfterSeconds().orElse(UNKNOWN_RESET.toSeconds());
                Instant until = received.plusSeconds(seconds);
                if (state.retryAfter == null || until.isAfter(state.retryAfter)) {
                    state.retryAfter = until;
                }
            }
        }
    }

    /** For tests and the status page: the known window of an account, or null. */
    synchronized Window window(String account, boolean export) {
        AccountState state = accounts.get(account);
        if (state == null) {
            return null;
        }
        synchronized (state) {
            return export ? state.exports : state.account;
        }
    }

    /** The export window's size per minute as last seen (for ETAs), or -1 when unknown. */
    long exportLimit(String account) {
        Window w = window(account, true);
        return w == null ? -1 : w.limit;
    }

    double share() {
        return share;
    }

    private static final class AccountState {
        Window account;
        Window exports;
        Instant retryAfter;
        /** Whether any answer from the account has been observed. */
        boolean answered;
        /** Until when the first request, sent before any answer, keeps the others waiting. */
        Instant probeUntil;

        Block blockedUntil(Instant now, boolean export, double share, RatePacing pacing) {
            if (retryAfter != null) {
                if (now.isBefore(retryAfter)) {
                    return new Block(retryAfter, WaitReason.RETRY_AFTER);
                }
                retryAfter = null;
            }
            if (pacing == RatePacing.RETRY_AFTER_ONLY) {
                return null;
            }
            if (!answered && probeUntil != null && now.isBefore(probeUntil)) {
                Instant poll = now.plus(PROBE_POLL);
                return new Block(poll.isBefore(probeUntil) ? poll : probeUntil, null);
            }
            Block block = null;
            account = Window.refill(account, now);
            if (account != null && account.exhausted(share)) {
                block = new Block(account.resetAt, WaitReason.ACCOUNT_WINDOW);
            }
            if (export) {
                exports = Window.refill(exports, now);
                if (exports != null
                        && exports.exhausted(share)
                        && (block == null || exports.resetAt.isAfter(block.until()))) {
                    block = new Block(exports.resetAt, WaitReason.EXPORT_WINDOW);
                }
            }
            return block;
        }

        void spend(boolean export, Instant now) {
            if (!answered && probeUntil == null) {
                probeUntil = now.plus(PROBE_TIMEOUT);
            }
            if (account != null) {
                account.remaining--;
            }
            if (export && exports != null) {
                exports.remaining--;
            }
        }
    }

    /** A budget window as the governor tracks it. */
    static final class Window {
        final long limit;
        long remaining;
        Instant resetAt;

        Window(long limit, long remaining, Instant resetAt) {
            this.limit = limit;
            this.remaining = remaining;
            this.resetAt = resetAt;
        }

        long remaining() {
            return remaining;
        }

        Instant resetAt() {
            return resetAt;
        }

        long limit() {
            return limit;
        }

        /** Requests that must stay unused: the (1 - share) part of the window. */
        static long reserve(long limit, double share) {
            long usable = Math.max(1, (long) Math.floor(limit * share + 1e-9));
            return Math.max(0, limit - usable);
        }

        boolean exhausted(double share) {
            return remaining <= reserve(limit, share);
        }

        /** Past its reset the window is full again; the next answer tells the truth. */
        static Window refill(Window window, Instant now) {
            if (window != null && !now.isBefore(window.resetAt)) {
                window.remaining = window.limit;
                // Not known until an answer in the new window: assume a minute, as Zendesk's are.
                window.resetAt = window.resetAt.plus(UNKNOWN_RESET);
            }
            return window;
        }

        static Window merge(Window current, RateLimits.Window seen, Instant received) {
            Instant resetAt = received.plus(
                    seen.resetsInSeconds() >= 0 ? Duration.ofSeconds(seen.resetsInSeconds()) : UNKNOWN_RESET);
            if (current == null || !received.isBefore(current.resetAt) || current.limit != seen.limit()) {
                return new Window(seen.limit(), seen.remaining(), resetAt);
            }
            // The same window: the lowest remaining and the earliest reset bound are the truest.
            current.remaining = Math.min(current.remaining, seen.remaining());
            if (resetAt.isBefore(current.resetAt)) {
                current.resetAt = resetAt;
            }
            return current;
        }
    }
}
