package io.deskbridge.sync.handover;

import java.time.Instant;

/** A credential request link, without its token (only the token's hash is stored). */
public record RequestLink(
        long id,
        long connectionId,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant usedAt,
        String usedFromIp,
        Instant revokedAt) {

    public LinkStatus status(Instant now) {
        if (usedAt != null) {
            return LinkStatus.USED;
        }
        if (revokedAt != null) {
            return LinkStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? LinkStatus.OPEN : LinkStatus.EXPIRED;
    }
}
