package io.deskbridge.desk.testdouble;

import io.deskbridge.desk.api.BadRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * Faults to inject into the next requests that match a method and a path pattern, and the log of
 * those injected. Rules live in this instance's memory (a desk cluster under test injects per
 * instance, like a faulty node would fail alone); the first rule that matches and has requests left
 * answers, in the order rules were added.
 */
@Component
public class FaultInjector {

    /** What Zendesk answers with: its rate limit, server errors, and the gateway's. */
    static final Set<Integer> STATUSES = Set.of(429, 500, 502, 503);

    static final int MAX_DELAY_MS = 60_000;
    static final int MAX_TIMES = 100_000;
    static final int LOG_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final Clock clock;
    private final List<Rule> rules = new ArrayList<>();
    private final Deque<InjectedFault> injected = new ArrayDeque<>();
    private long nextId = 1;

    FaultInjector(Clock clock) {
        this.clock = clock;
    }

    /** A fault as asked for; {@code status} or {@code delayMs} (or both: the delay, then the status). */
    public record FaultRequest(
            String method, String path, Integer status, Integer retryAfter, Integer delayMs, Integer times) {}

    /** A rule and how many requests it still answers. */
    public record Fault(
            long id,
            String method,
            String path,
            Integer status,
            Integer retryAfter,
            int delayMs,
            int times,
            int remaining) {}

    /** One request a rule answered. */
    public record InjectedFault(Instant at, long faultId, String method, String path, Integer status, int delayMs) {}

    private static final class Rule {
        final Fault fault;
        int remaining;

        Rule(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }

        Fault view() {
            return new Fault(
                    fault.id(),
                    fault.method(),
                    fault.path(),
                    fault.status(),
                    fault.retryAfter(),
                    fault.delayMs(),
                    fault.times(),
                    remaining);
        }
    }

    public synchronized Fault add(FaultRequest request) {
        Fault fault = validated(nextId, request);
        nextId++;
        rules.add(new Rule(fault));
        log.info(
                "Test double: will inject {} into the next {} {} {}",
                describe(fault.status(), fault.delayMs()),
                fault.times(),
                fault.method() == null ? "*" : fault.method(),
                fault.path());
        return fault;
    }

    /** Takes one request's worth of the first matching rule, logging it. */
    synchronized Optional<Fault> take(String method, String uri) {
        String path = withoutJsonSuffix(uri);
        for (Rule rule : rules) {
            Fault fault = rule.fault;
            if (rule.remaining > 0
                    && (fault.method() == null || fault.method().equals(method))
                    && PATHS.match(withoutJsonSuffix(fault.path()), path)) {
                rule.remaining--;
                InjectedFault entry = new InjectedFault(
                        Instant.now(clock), fault.id(), method, path, fault.status(), fault.delayMs());
                if (injected.size() == LOG_SIZE) {
                    injected.removeFirst();
                }
                injected.addLast(entry);
                log.info(
                        "Test double: injected {} into {} {} (fault {}, {} left)",
                        describe(fault.status(), fault.delayMs()),
                        method,
                        path,
                        fault.id(),
                        rule.remaining);
                return Optional.of(rule.view());
            }
        }
        return Optional.empty();
    }

    public synchronized List<Fault> faults() {
        return rules.stream().map(Rule::view).toList();
    }

    /** The last {@value #LOG_SIZE} injected faults, oldest first. */
    public synchronized List<InjectedFault> injected() {
        return List.copyOf(injected);
    }

    /** Forgets every rule and the log. */
    public synchronized void clear() {
        rules.clear();
        injected.clear();
    }

    private static Fault validated(long id, FaultRequest request) {
        if (request == null) {
            throw invalid("The body is {\"fault\": {\"path\": ..., \"status\": ... or \"delay_ms\": ...}}");
        }
        String path = request.path();
        if (path == null || !path.startsWith("/") || path.startsWith("/_desk")) {
            throw invalid("path is an Ant-style pattern starting with '/' (like /api/v2/tickets/**), outside /_desk/;"
                    + " got " + quoted(path));
        }
        String method = request.method() == null || request.method().isBlank()
                ? null
                : request.method().toUpperCase(Locale.ROOT);
        if (method != null && !method.matches("[A-Z]{3,7}")) {
            throw invalid("method is an HTTP method like GET or PUT, or absent for any; got " + quoted(method));
        }
        Integer status = request.status();
        if (status != null && !STATUSES.contains(status)) {
            throw invalid("status is one of 429, 500, 502, 503; got " + status);
        }
        int delayMs = request.delayMs() == null ? 0 : request.delayMs();
        if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
            throw invalid("delay_ms is 0 to " + MAX_DELAY_MS + "; got " + delayMs);
        }
        if (status == null && delayMs == 0) {
            throw invalid("A fault needs a status (429, 500, 502, 503), a delay_ms, or both");
        }
        Integer retryAfter = request.retryAfter();
        if (retryAfter != null && (retryAfter < 0 || retryAfter > 3600)) {
            throw invalid("retry_after is 0 to 3600 seconds; got " + retryAfter);
        }
        if (retryAfter == null && status != null && (status == 429 || status == 503)) {
            retryAfter = 1; // Zendesk's 429 always carries a numeric Retry-After
        }
        int times = request.times() == null ? 1 : request.times();
        if (times < 1 || times > MAX_TIMES) {
            throw invalid("times is 1 to " + MAX_TIMES + "; got " + times);
        }
        return new Fault(id, method, path, status, retryAfter, delayMs, times, times);
    }

    /**
     * desk answers {@code /api/v2/tickets.json} and {@code /api/v2/tickets} alike (config.JsonSuffixFilter),
     * so patterns and paths are compared without the suffix, and the log names paths without it.
     */
    static String withoutJsonSuffix(String path) {
        return path.endsWith(".json") ? path.substring(0, path.length() - ".json".length()) : path;
    }

    private static String describe(Integer status, int delayMs) {
        String delay = delayMs > 0 ? delayMs + " ms delay" : "";
        if (status == null) {
            return delay;
        }
        return delay.isEmpty() ? "status " + status : delay + " then status " + status;
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    private static BadRequestException invalid(String title) {
        return new BadRequestException("InvalidFault", title);
    }
}
