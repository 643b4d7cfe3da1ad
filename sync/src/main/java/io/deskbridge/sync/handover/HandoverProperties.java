package io.deskbridge.sync.handover;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sync.handover.*}, checked at start-up.
 *
 * @param linkLifetime how long a request link works ({@code SYNC_HANDOVER_LINK_LIFETIME}, 5m to 7d)
 * @param publicUrl where the Zendesk admin opens links ({@code SYNC_PUBLIC_URL}, http(s)://host[:port]);
 *     blank: the address the operator's request came in on
 * @param platformName who asks, as the hand-over page names it
 * @param publicUrlRequired true in the production profile: sync refuses to start without {@code
 *     publicUrl}, so a link is never built from a request's {@code Host} header (issue 10)
 */
@ConfigurationProperties("sync.handover")
public record HandoverProperties(
        Duration linkLifetime, String publicUrl, String platformName, boolean publicUrlRequired) {

    static final Duration MIN_LIFETIME = Duration.ofMinutes(5);
    static final Duration MAX_LIFETIME = Duration.ofDays(7);

    public HandoverProperties {
        linkLifetime = linkLifetime == null ? Duration.ofHours(24) : linkLifetime;
        if (linkLifetime.compareTo(MIN_LIFETIME) < 0 || linkLifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("sync.handover.link-lifetime (SYNC_HANDOVER_LINK_LIFETIME) is "
                    + linkLifetime + "; it must be from 5m to 7d");
        }
        publicUrl = publicUrl == null || publicUrl.isBlank()
                ? null
                : publicUrl.strip().replaceAll("/+$", "");
        if (publicUrl != null && !publicUrl.matches("https?://[^/?#@\\s]+(/[^?#\\s]*)?")) {
            throw new IllegalStateException("sync.handover.public-url (SYNC_PUBLIC_URL) must be an http(s) URL such "
                    + "as https://sync.example.com (scheme, host, optional port and path; no user name)");
        }
        if (publicUrl == null && publicUrlRequired) {
            throw new IllegalStateException("sync.handover.public-url (SYNC_PUBLIC_URL) is required in the production"
                    + " profile: request links are built on it, never on a request's Host header. Set it to the"
                    + " address Zendesk admins open sync at, such as https://sync.example.com");
        }
        platformName = platformName == null || platformName.isBlank() ? "Deskbridge sync" : platformName.strip();
    }
}
