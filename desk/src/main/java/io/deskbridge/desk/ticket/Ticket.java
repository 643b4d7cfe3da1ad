package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as desk stores it.
 *
 * @param generatedTimestamp epoch seconds of the last change of any kind (what exports compare)
 * @param deletedAt set while the ticket is soft-deleted
 * @param problemId the problem ticket an incident belongs to
 * @param satisfaction its satisfaction rating, or {@link TicketSatisfaction#UNOFFERED}
 */
public record Ticket(
        long id,
        String externalId,
        String type,
        String subject,
        String rawSubject,
        String description,
        String priority,
        String status,
        String recipient,
        long requesterId,
        long submitterId,
        Long assigneeId,
        Long organizationId,
        Long groupId,
        List<Long> collaboratorIds,
        List<Long> followerIds,
        List<String> tags,
        List<CustomFieldValue> customFields,
        String viaChannel,
        Instant dueAt,
        boolean isPublic,
        boolean hasIncidents,
        Instant createdAt,
        Instant updatedAt,
        long generatedTimestamp,
        Instant deletedAt,
        Long deletedBy,
        Long brandId,
        Long ticketFormId,
        Long problemId,
        List<Long> emailCcIds,
        TicketSatisfaction satisfaction) {

    public Ticket {
        emailCcIds = emailCcIds == null ? List.of() : emailCcIds;
        satisfaction = satisfaction == null ? TicketSatisfaction.UNOFFERED : satisfaction;
    }

    /** A ticket nobody has rated yet (new tickets, and rows built before a rating is read). */
    public Ticket(
            long id,
            String externalId,
            String type,
            String subject,
            String rawSubject,
            String description,
            String priority,
            String status,
            String recipient,
            long requesterId,
            long submitterId,
            Long assigneeId,
            Long organizationId,
            Long groupId,
            List<Long> collaboratorIds,
            List<Long> followerIds,
            List<String> tags,
            List<CustomFieldValue> customFields,
            String viaChannel,
            Instant dueAt,
            boolean isPublic,
            boolean hasIncidents,
            Instant createdAt,
            Instant updatedAt,
            long generatedTimestamp,
            Instant deletedAt,
            Long deletedBy,
            Long brandId,
            Long ticketFormId,
            Long problemId,
            List<Long> emailCcIds) {
        this(
                id,
                externalId,
                type,
                subject,
                rawSubject,
                description,
                priority,
                status,
                recipient,
                requesterId,
                submitterId,
                assigneeId,
                organizationId,
                groupId,
                collaboratorIds,
                followerIds,
                tags,
                customFields,
                viaChannel,
                dueAt,
                isPublic,
                hasIncidents,
                createdAt,
                updatedAt,
                generatedTimestamp,
                deletedAt,
                deletedBy,
                brandId,
                ticketFormId,
                problemId,
                emailCcIds,
                TicketSatisfaction.UNOFFERED);
    }

    /** A ticket without brand, form, problem or email CCs (test fixtures). */
    public Ticket(
            long id,
            String externalId,
            String type,
            String subject,
            String rawSubject,
            String description,
            String priority,
            String status,
            String recipient,
            long requesterId,
            long submitterId,
            Long assigneeId,
            Long organizationId,
            Long groupId,
            List<Long> collaboratorIds,
            List<Long> followerIds,
            List<String> tags,
            List<CustomFieldValue> customFields,
            String viaChannel,
            Instant dueAt,
            boolean isPublic,
            boolean hasIncidents,
            Instant createdAt,
            Instant updatedAt,
            long generatedTimestamp,
            Instant deletedAt,
            Long deletedBy) {
        this(
                id,
                externalId,
                type,
                subject,
                rawSubject,
                description,
                priority,
                status,
                recipient,
                requesterId,
                submitterId,
                assigneeId,
                organizationId,
                groupId,
                collaboratorIds,
                followerIds,
                tags,
                customFields,
                viaChannel,
                dueAt,
                isPublic,
                hasIncidents,
                createdAt,
                updatedAt,
                generatedTimestamp,
                deletedAt,
                deletedBy,
                null,
                null,
                null,
                List.of(),
                TicketSatisfaction.UNOFFERED);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    Ticket withStatus(String newStatus) {
        return new Ticket(
                id,
                externalId,
                type,
                subject,
                rawSubject,
                description,
                priority,
                newStatus,
                recipient,
                requesterId,
                submitterId,
                assigneeId,
                organizationId,
                groupId,
                collaboratorIds,
                followerIds,
                tags,
                customFields,
                viaChannel,
                dueAt,
                isPublic,
                hasIncidents,
                createdAt,
                updatedAt,
                generatedTimestamp,
                deletedAt,
                deletedBy,
                brandId,
                ticketFormId,
                problemId,
                emailCcIds,
                satisfaction);
    }
}
