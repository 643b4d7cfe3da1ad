package io.deskbridge.desk.attachment;

import java.time.Instant;

/**
 * A stored file (its bytes are read separately, {@link Attachments#content}).
 *
 * @param ticketId set once a comment took the upload
 * @param expiresAt when the upload token stops working if no comment took it
 */
public record Attachment(
        long id,
        String token,
        long uploaderId,
        Long ticketId,
        Long commentId,
        String fileName,
        String contentType,
        long size,
        Instant createdAt,
        Instant expiresAt) {

    boolean attached() {
        return commentId != null;
    }
}
