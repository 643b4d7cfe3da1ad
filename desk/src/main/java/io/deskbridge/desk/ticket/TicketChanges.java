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
        Optional<NewComment> comment,
        People people) {

    /** The same change without brand, form, problem or people changes (the Agent Workspace's forms). */
    public TicketChanges(
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
        this(
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
                comment,
                People.NONE);
    }

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
                comment,
                people);
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
                comment,
                people);
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
                Optional.of(new NewComment(body, null, null, null)),
                people);
    }

    /** The same changes with {@code comment} as the comment (its author, visibility). */
    public TicketChanges withComment(NewComment newComment) {
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
                Optional.of(newComment),
                people);
    }

    /** The same changes on behalf of {@code newRequester} (found or created by email). */
    public TicketChanges withRequester(Requester newRequester) {
        return new TicketChanges(
                subject,
                type,
                priority,
                status,
                externalId,
                recipient,
                Optional.of(newRequester),
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
                comment,
                people);
    }

    /**
     * The write fields beyond the core ones: {@code brand_id}, {@code ticket_form_id}, {@code
     * problem_id}, {@code assignee_email}, {@code email_ccs}, {@code followers}, {@code collaborators}.
     */
    public record People(
            Field<Long> brandId,
            Field<Long> ticketFormId,
            Field<Long> problemId,
            Optional<String> assigneeEmail,
            Optional<List<UserChange>> emailCcs,
            Optional<List<UserChange>> followers,
            Optional<List<Requester>> collaborators) {

        public static final People NONE = new People(
                Field.absent(),
                Field.absent(),
                Field.absent(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * One entry of {@code email_ccs} or {@code followers}: a user by id or email (and name), put
     * (added) or deleted.
     */
    public record UserChange(Long userId, String email, String name, boolean delete) {}

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
     * A comment to add; its {@code htmlBody} is kept only as far as {@link CommentHtml} allows.
     *
     * @param isPublic null means public
     * @param authorId null means the caller
     * @param uploads upload tokens whose files the comment takes ({@code comment.uploads})
     */
    public record NewComment(String body, String htmlBody, Boolean isPublic, Long authorId, List<String> uploads) {

        public NewComment {
            htmlBody = htmlBody == null ? null : CommentHtml.sanitize(htmlBody);
            uploads = uploads == null ? List.of() : List.copyOf(uploads);
        }

        public NewComment(String body, String htmlBody, Boolean isPublic, Long authorId) {
            this(body, htmlBody, isPublic, authorId, List.of());
        }
    }
}
