package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.attachment.AttachmentJson;
import io.deskbridge.desk.attachment.Attachments;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code PUT /api/v2/tickets/{ticket_id}/comments/{comment_id}/attachments/{attachment_id}/redact}:
 * the file becomes an empty {@code redacted.txt}; a closed ticket refuses it, as Zendesk documents.
 */
@RestController
class CommentAttachmentController {

    private final Tickets tickets;
    private final Attachments attachments;

    CommentAttachmentController(Tickets tickets, Attachments attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
    }

    record AttachmentResponse(AttachmentJson attachment) {}

    @PutMapping("/api/v2/tickets/{ticketId}/comments/{commentId}/attachments/{attachmentId}/redact")
    @Transactional
    AttachmentResponse redact(
            @PathVariable long ticketId, @PathVariable long commentId, @PathVariable long attachmentId) {
        if ("closed".equals(tickets.get(ticketId).status())) {
            throw new RecordInvalidException(
                    "status", "InvalidValue", "Status: closed tickets cannot have attachments redacted");
        }
        return new AttachmentResponse(AttachmentJson.of(
                attachments.redact(ticketId, commentId, attachmentId),
                ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
    }
}
