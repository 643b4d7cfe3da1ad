package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A ticket create or update as the API received it. {@link Field} separates "not sent" from
 * "sent as null" (which clears, e.g. {@code "assignee_id": null} unassigns).
 */
public record TicketChanges(
        Optional<String> subject,
        Field<String> type,
        Field<String> priority,
        Optional<String> status,
        Field<String> externalId,
        Optional<String> recipient,
        Optional<Requester> requester,
        Optional<Long> submitterId,
        Field<Long> assigneeId,
        Field<Long> organizationId,
        Field<Long> groupId,
        Optional<List<Long>> collaboratorIds,
        Optional<List<String>> tags,
        Optional<List<String>> additionalTags,
        Optional<List<String>> removeTags,
        Optional<List<CustomFieldValue>> customFields,
        Field<Instant> dueAt,
        Optional<NewComment> comment) {

    /** Nothing changed; {@link #withSubject}, {@link #withStatus}, {@link #withComment} add to it. */
    public static TicketChanges none() {
        return new TicketChanges(
                Optional.empty(),
                Field.absent(),
                Field.absent(),
                Optional.empty(),
                Field.absent(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Field.absent(),
                Field.absent(),
                Field.absent(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Field.absent(),
                Optional.empty());
    }

    public TicketChanges withSubject(String newSubject) {
        return new TicketChanges(
                Optional.of(newSubject),
                type,
                priority,
                status,
                externalId,
                recipient,
                requester,
                submitterId,
                assigneeId,
                organizationId,
                groupId,
                collaboratorIds,
                tags,
                additionalTags,
                removeTags,
                customFields,
                dueAt,
                comment);
    }

    public TicketChanges withStatus(String newStatus) {
        return new TicketChanges(
                subject,
                type,
                priority,
                Optional.of(newStatus),
                externalId,
                recipient,
                requester,
                submitterId,
                assigneeId,
                organizationId,
                groupId,
                collaboratorIds,
                tags,
                additionalTags,
                removeTags,
                customFields,
                dueAt,
                comment);
    }

    public TicketChanges withComment(String body) {
        return new TicketChanges(
                subject,
                type,
                priority,
                status,
                externalId,
                recipient,
                requester,
                submitterId,
                assigneeId,
                organizationId,
                groupId,
                collaboratorIds,
                tags,
                additionalTags,
                removeTags,
                customFields,
                dueAt,
                Optional.of(new NewComment(body, null, null, null)));
    }

    /** Present-or-not plus a value that may be null. */
    public record Field<T>(boolean present, T value) {

        private static final Field<?> ABSENT = new Field<>(false, null);

        @SuppressWarnings("unchecked")
        public static <T> Field<T> absent() {
            return (Field<T>) ABSENT;
        }

        public static <T> Field<T> of(T value) {
            return new Field<>(true, value);
        }

        T or(T current) {
            return present ? value : current;
        }
    }

    /** The requester: an existing user by id, or found/created by email (with a name). */
    public record Requester(Long id, String email, String name) {}

    /**
     * A comment to add.
     *
     * @param isPublic null means public
     * @param authorId null means the caller
     */
    /** A comment to add; its {@code htmlBody} is kept only as far as {@link CommentHtml} allows. */
    public record NewComment(String body, String htmlBody, Boolean isPublic, Long authorId) {
        public NewComment {
            htmlBody = htmlBody == null ? null : CommentHtml.sanitize(htmlBody);
        }
    }
}
