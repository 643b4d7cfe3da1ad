package io.deskbridge.desk.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A ticket comment in Zendesk's JSON shape (desk stores no attachments: always an empty list). */
public record CommentJson(
        long id,
        String type,
        long authorId,
        String body,
        String htmlBody,
        String plainBody,
        @JsonProperty("public") boolean isPublic,
        List<Object> attachments,
        long auditId,
        Via via,
        Metadata metadata,
        Instant createdAt) {

    static CommentJson of(TicketComment c) {
        return new CommentJson(
                c.id(),
                "Comment",
                c.authorId(),
                c.body(),
                c.htmlBody(),
                c.plainBody(),
                c.isPublic(),
                List.of(),
                c.auditId(),
                Via.of(c.viaChannel()),
                Metadata.EMPTY,
                c.createdAt());
    }
}
