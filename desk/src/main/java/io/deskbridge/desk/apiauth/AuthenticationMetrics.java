package io.deskbridge.desk.apiauth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * API authentications by kind of credential and outcome ({@code
 * desk_api_authentications_total{kind,outcome}}): {@code kind} is {@code api_token}, {@code password},
 * {@code oauth_token} or {@code unsupported} (any other {@code Authorization} header), {@code outcome}
 * is {@code success}, {@code failure} (answered 401) or {@code throttled} (answered 429 before the
 * credential was checked). Every series exists from the start, at 0, so a dashboard's rate() has a
 * baseline. Why a credential failed is in the log, not in a label: reasons are many and free text.
 */
@Component
public class AuthenticationMetrics {

    /** The kinds of credential an {@code Authorization} header carries. */
    public enum Kind {
        API_TOKEN,
        PASSWORD,
        OAUTH_TOKEN,
        UNSUPPORTED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What became of one authentication. */
    public enum Outcome {
        SUCCESS,
        FAILURE,
        THROTTLED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Kind, Map<Outcome, Counter>> counters = new EnumMap<>(Kind.class);

    AuthenticationMetrics(MeterRegistry registry) {
        for (Kind kind : Kind.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(
                        outcome,
                        Counter.builder("desk.api.authentications")
                                .description("API authentications by kind of credential and outcome")
                                .tag("kind", kind.wireName())
                                .tag("outcome", outcome.wireName())
                                .register(registry));
            }
            counters.put(kind, byOutcome);
        }
    }

    void count(Kind kind, Outcome outcome) {
        counters.get(kind).get(outcome).increment();
    }
}
