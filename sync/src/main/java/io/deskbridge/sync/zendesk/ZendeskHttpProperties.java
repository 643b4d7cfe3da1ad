package io.deskbridge.sync.zendesk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sync.zendesk.*}: how long sync waits for a Zendesk-compatible server, and how much of an
 * answer it reads.
 *
 * @param connectTimeout TCP connect (and TLS handshake) limit
 * @param requestTimeout limit for the answer's headers, and again for its body once the headers came;
 *     an export page of 1000 tickets can take seconds
 * @param maxResponseSize the largest answer body sync reads ({@code SYNC_ZENDESK_MAX_RESPONSE_SIZE},
 *     default 32MB = 32 MiB). Decision: Zendesk's largest answers, incremental export pages of 1000
 *     tickets or events, are a few MiB (a ticket is 2–5 KB of JSON), so 32 MiB leaves ample room
 *     while several streams fetching at once stay far from the heap's size. A larger body is not read:
 *     the exchange is aborted ({@link ZendeskCallRefusedException}).
 */
@ConfigurationProperties("sync.zendesk")
public record ZendeskHttpProperties(
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("120s") Duration requestTimeout,
        @DefaultValue("32MB") DataSize maxResponseSize) {

    public ZendeskHttpProperties {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "sync.zendesk.connect-timeout must be positive; it is " + connectTimeout);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "sync.zendesk.request-timeout must be positive; it is " + requestTimeout);
        }
        if (maxResponseSize.toBytes() < 64 * 1024 || maxResponseSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "sync.zendesk.max-response-size (SYNC_ZENDESK_MAX_RESPONSE_SIZE) must be "
                            + "from 64KB to 2047MB; it is " + maxResponseSize);
        }
    }
}
