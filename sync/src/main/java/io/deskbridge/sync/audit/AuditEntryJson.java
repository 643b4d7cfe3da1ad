package io.deskbridge.sync.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One audit log entry as the REST API shows it; never a secret. */
@Schema(name = "AuditEntry")
public record AuditEntryJson(
        long id,
        @Schema(example = "connection.created") String event,

        @Schema(allowableValues = {"operator", "link_visitor", "zendesk_admin", "system"})
        String actorType,

        @Schema(description = "Who acted: an email, an IP address or a component")
        String actor,

        @Schema(nullable = true) String ipAddress,
        @Schema(nullable = true) String userAgent,
        @Schema(nullable = true) Long connectionId,
        @Schema(nullable = true) Long requestLinkId,
        String description,
        Instant createdAt) {

    static AuditEntryJson of(AuditEntry e) {
        return new AuditEntryJson(
                e.id(),
                e.event(),
                e.actorType(),
                e.actor(),
                e.ipAddress(),
                e.userAgent(),
                e.connectionId(),
                e.requestLinkId(),
                e.description(),
                e.createdAt());
    }

    /** A page of the audit log, newest first, with Zendesk's offset-pagination links. */
    @Schema(name = "AuditPage")
    public record AuditPageBody(
            List<AuditEntryJson> auditLog,

            @Schema(description = "The next page's URL; null on the last page", nullable = true)
            String nextPage,

            @Schema(description = "The previous page's URL; null on the first page", nullable = true)
            String previousPage,

            @Schema(description = "Entries in all pages") long count) {}
}
