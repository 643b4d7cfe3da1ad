package io.deskbridge.desk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A ticket in Zendesk's JSON shape. Zendesk sends every field, null or not (except {@code recipient},
 * which it leaves out when there is none); the fields desk does not implement carry Zendesk's values
 * for "none" ({@code problem_id: null}, empty lists, the channel flags). {@code fields} repeats
 * {@code custom_fields} as Zendesk does (tap-zendesk pops it from every exported ticket).
 * {@code satisfaction_rating} is the ticket's rating or its state ({@link TicketSatisfaction}).
 */
public record TicketJson(
        long id,
        String url,
        String externalId,
        Via via,
        Instant createdAt,
        Instant updatedAt,
        long generatedTimestamp,
        String type,
        String subject,
        String rawSubject,
        String description,
        String priority,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String recipient,
        long requesterId,
        long submitterId,
        Long assigneeId,
        Long organizationId,
        Long groupId,
        List<Long> collaboratorIds,
        List<Long> followerIds,
        List<Long> emailCcIds,
        Long problemId,
        boolean hasIncidents,
        boolean isPublic,
        Instant dueAt,
        List<String> tags,
        List<CustomFieldValue> customFields,
        List<CustomFieldValue> fields,
        List<Long> sharingAgreementIds,
        List<Long> followupIds,
        Long brandId,
        Long ticketFormId,
        boolean allowChannelback,
        boolean allowAttachments,
        boolean fromMessagingChannel,
        TicketSatisfaction satisfactionRating) {

    /** The ticket object; {@code status} is "deleted" for a deleted ticket (as exports show it). */
    public static TicketJson of(Ticket t, String baseUrl) {
        return new TicketJson(
                t.id(),
                baseUrl + "/api/v2/tickets/" + t.id() + ".json",
                t.externalId(),
                Via.of(t.viaChannel()),
                t.createdAt(),
                t.updatedAt(),
                t.generatedTimestamp(),
                t.type(),
                t.subject(),
                t.rawSubject() == null ? "" : t.rawSubject(),
                t.description(),
                t.priority(),
                t.deleted() ? "deleted" : t.status(),
                t.recipient(),
                t.requesterId(),
                t.submitterId(),
                t.assigneeId(),
                t.organizationId(),
                t.groupId(),
                t.collaboratorIds(),
                t.followerIds(),
                t.emailCcIds(),
                t.problemId(),
                t.hasIncidents(),
                t.isPublic(),
                t.dueAt(),
                t.tags(),
                t.customFields(),
                t.customFields(),
                List.of(),
                List.of(),
                t.brandId(),
                t.ticketFormId(),
                false,
                true,
                false,
                t.satisfaction());
    }
}
