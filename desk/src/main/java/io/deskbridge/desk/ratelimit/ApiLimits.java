package io.deskbridge.desk.ratelimit;

import org.springframework.stereotype.Service;

/** The account's plan limits (see {@link PlanLimits}); read on every API request, so cached. */
@Service
public class ApiLimits {

    private final RateLimitProperties properties;

    ApiLimits(RateLimitProperties properties) {
        this.properties = properties;
    }

    public PlanLimits current() {
        return new PlanLimits("enterprise", false, false, properties.requestsPerMinute(), 10);
    }
}
