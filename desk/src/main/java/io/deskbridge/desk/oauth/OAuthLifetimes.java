package io.deskbridge.desk.oauth;

/**
 * The account's token-lifetime policy, in seconds: what a token gets when the request names no
 * {@code expires_in} / {@code refresh_token_expires_in}, and the most a request may ask for. Always
 * inside Zendesk's own bounds ({@link #ACCESS_MIN} to {@link #ACCESS_MAX}, {@link #REFRESH_MIN} to
 * {@link #REFRESH_MAX}). Defaults: 30 minutes and 30 days, as Zendesk's for new clients.
 */
public record OAuthLifetimes(int accessDefault, int accessMax, int refreshDefault, int refreshMax) {

    /** Zendesk: expires_in "more than 300 seconds (5 minutes) and less than 172,800 seconds (2 days)". */
    public static final int ACCESS_MIN = 300;

    public static final int ACCESS_MAX = 172_800;

    /** Zendesk: refresh_token_expires_in "more than 604,800 seconds (7 days) ... less than 7,776,000 (90 days)". */
    public static final int REFRESH_MIN = 604_800;

    public static final int REFRESH_MAX = 7_776_000;

    public static final OAuthLifetimes DEFAULTS = new OAuthLifetimes(1800, ACCESS_MAX, 2_592_000, REFRESH_MAX);
}
