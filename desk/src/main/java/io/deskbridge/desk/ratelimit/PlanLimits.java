package io.deskbridge.desk.ratelimit;

/**
 * The account's API limits as the plan sets them.
 *
 * @param plan the plan's wire name ({@code team}, {@code growth}, {@code professional},
 *     {@code enterprise}, {@code enterprise_plus}; see {@link Plan})
 * @param highVolume the High Volume API add-on
 * @param requestsPerMinute the account budget (Team 200, Growth/Professional 400, Enterprise 700,
 *     Enterprise Plus or High Volume 2500)
 * @param exportsPerMinute incremental export requests per minute (10, or 30 with High Volume)
 * @param sandbox the admin's "sandbox clock" for connector test suites: limits are reported but not
 *     enforced, and incremental exports serve changes older than {@link #EXPORT_FRESHNESS_SANDBOX_SECONDS}
 *     instead of 60 s
 */
public record PlanLimits(
        String plan, boolean highVolume, boolean sandbox, int requestsPerMinute, int exportsPerMinute) {

    public static final int EXPORT_FRESHNESS_SECONDS = 60;
    public static final int EXPORT_FRESHNESS_SANDBOX_SECONDS = 2;

    /** How old a change must be (seconds) before incremental exports serve it. */
    public int exportFreshnessSeconds() {
        return sandbox ? EXPORT_FRESHNESS_SANDBOX_SECONDS : EXPORT_FRESHNESS_SECONDS;
    }
}
