package io.deskbridge.desk.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deskbridge.desk.ticket.CustomFieldValue;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.Via;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code RequestObject}: a ticket as its requester sees it. */
record RequestJson(
        String url,
        long id,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String priority,
        @JsonInclude(JsonInclude.Include.NON_NULL) String type,
        String subject,
        String description,
        long requesterId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long assigneeId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long organizationId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long groupId,
        List<Long> collaboratorIds,
        List<Long> emailCcIds,
        boolean isPublic,
        boolean canBeSolvedByMe,
        boolean solved,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant dueAt,
        List<CustomFieldValue> customFields,
        Via via,
        Instant createdAt,
        Instant updatedAt) {

    static final Set<String> SOLVED = Set.of("solved", "closed");

    static boolean canBeSolved(Ticket t) {
        return t.assigneeId() != null && !SOLVED.contains(t.status());
    }

    static RequestJson of(Ticket t, String base) {
        return new RequestJson(
                base + "/api/v2/requests/" + t.id() + ".json",
                t.id(),
                t.status(),
                t.priority(),
                t.type(),
                t.subject() == null ? "" : t.subject(),
                t.description(),
                t.requesterId(),
                t.assigneeId(),
                t.organizationId(),
                t.groupId(),
                t.collaboratorIds(),
                List.of(),
                t.isPublic(),
                canBeSolved(t),
                SOLVED.contains(t.status()),
                t.dueAt(),
                t.customFields(),
                Via.of(t.viaChannel()),
                t.createdAt(),
                t.updatedAt());
    }
}
