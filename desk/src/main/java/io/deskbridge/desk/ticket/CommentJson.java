package io.deskbridge.desk.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.attachment.AttachmentJson;
import java.time.Instant;
import java.util.List;

/** A ticket comment in Zendesk's JSON shape, with the files it took from {@code uploads}. */
public record CommentJson(
        long id,
        String type,
        long authorId,
        String body,
        String htmlBody,
        String plainBody,
        @JsonProperty("public") boolean isPublic,
        List<AttachmentJson> attachments,
        long auditId,
        Via via,
        Metadata metadata,
        Instant createdAt) {

    static CommentJson of(TicketComment c, List<AttachmentJson> attachments) {
        return new CommentJson(
                c.id(),
                "Comment",
                c.authorId(),
                c.body(),
                c.htmlBody(),
                c.plainBody(),
                c.isPublic(),
                attachments,
                c.auditId(),
                Via.of(c.viaChannel()),
                Metadata.EMPTY,
                c.createdAt());
    }
}
