package io.deskbridge.desk.ratelimit;

/**
 * A change to the account's plan settings; null components stay as they are.
 *
 * @param highVolume the High Volume API add-on (Growth and above)
 * @param sandbox the "sandbox clock" for connector test suites, never for production
 */
public record PlanUpdate(Plan plan, Boolean highVolume, Boolean sandbox) {

    public static PlanUpdate sandbox(boolean sandbox) {
        return new PlanUpdate(null, null, sandbox);
    }
}
