package io.deskbridge.desk.ratelimit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Zendesk Suite plans and the account-wide API budget each one gives (requests per minute). */
public enum Plan {
    TEAM("team", "Team", 200),
    GROWTH("growth", "Growth", 400),
    PROFESSIONAL("professional", "Professional", 400),
    ENTERPRISE("enterprise", "Enterprise", 700),
    ENTERPRISE_PLUS("enterprise_plus", "Enterprise Plus", 2500);

    /** The budget with the High Volume API add-on, whatever the plan. */
    public static final int HIGH_VOLUME_REQUESTS_PER_MINUTE = 2500;

    public static final int EXPORTS_PER_MINUTE = 10;
    public static final int HIGH_VOLUME_EXPORTS_PER_MINUTE = 30;

    private final String wireName;
    private final String label;
    private final int requestsPerMinute;

    Plan(String wireName, String label, int requestsPerMinute) {
        this.wireName = wireName;
        this.label = label;
        this.requestsPerMinute = requestsPerMinute;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Zendesk sells the High Volume API add-on on Growth and above, not on Team. */
    public boolean offersHighVolume() {
        return this != TEAM;
    }

    /** The limits this plan gives, with or without the add-on and the sandbox clock. */
    public PlanLimits limits(boolean highVolume, boolean sandbox) {
        return new PlanLimits(
                wireName,
                highVolume,
                sandbox,
                highVolume ? HIGH_VOLUME_REQUESTS_PER_MINUTE : requestsPerMinute,
                highVolume ? HIGH_VOLUME_EXPORTS_PER_MINUTE : EXPORTS_PER_MINUTE);
    }

    public static Optional<Plan> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Plan::wireName).toList();
    }
}
