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
 */
@ConfigurationProperties("sync.handover")
public record HandoverProperties(Duration linkLifetime, String publicUrl, String platformName) {

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
        platformName = platformName == null || platformName.isBlank() ? "Deskbridge sync" : platformName.strip();
    }
}
