package io.deskbridge.sync.zendesk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sync.zendesk.*}: how long sync waits for a Zendesk-compatible server.
 *
 * @param connectTimeout TCP connect (and TLS handshake) limit
 * @param requestTimeout limit for one whole answer; an export page of 1000 tickets can take seconds
 */
@ConfigurationProperties("sync.zendesk")
public record ZendeskHttpProperties(
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("120s") Duration requestTimeout) {

    public ZendeskHttpProperties {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "sync.zendesk.connect-timeout must be positive; it is " + connectTimeout);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "sync.zendesk.request-timeout must be positive; it is " + requestTimeout);
        }
    }
}
