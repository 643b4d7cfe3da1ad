package io.deskbridge.desk.attachment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code desk.attachments.*}, validated at start-up.
 *
 * @param maxFileSize the largest file one upload may carry (Zendesk: 50 MB)
 * @param tokenLifetime how long an upload token that no comment took stays usable (Zendesk: 60 minutes)
 */
@ConfigurationProperties("desk.attachments")
public record AttachmentProperties(DataSize maxFileSize, Duration tokenLifetime) {

    public AttachmentProperties {
        if (maxFileSize == null || maxFileSize.toBytes() < 1) {
            throw new IllegalStateException("desk.attachments.max-file-size must be at least 1B (got " + maxFileSize
                    + "); Zendesk's limit is 50MB");
        }
        if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalStateException(
                    "desk.attachments.token-lifetime must be positive (got " + tokenLifetime + "); Zendesk's is 60m");
        }
    }
}
