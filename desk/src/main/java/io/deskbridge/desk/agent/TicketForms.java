package io.deskbridge.desk.agent;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketChanges;
import io.deskbridge.desk.ticket.TicketChanges.Field;
import io.deskbridge.desk.ticket.TicketChanges.NewComment;
import io.deskbridge.desk.ticket.TicketChanges.Requester;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The workspace's two ticket forms and how they become the same {@link TicketChanges} the API builds
 * from JSON. Bad values are refused with the API's {@code RecordInvalid} messages ({@link Input}), so
 * the page shows what an API caller would read.
 *
 * <p>Decision: an update sends only the fields whose value differs from the ticket as it was shown.
 * The form always posts every field; sending the unchanged ones would still record nothing (the
 * facade audits differences only), but an unchanged {@code status=new} would stop the facade from
 * opening a new ticket that just got an assignee, as Zendesk does.
 */
final class TicketForms {

    /** Zendesk's fixed enums (the API's {@code TicketEnums}, which the ticket package keeps private). */
    static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");

    static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    static final List<String> TYPES = List.of("problem", "incident", "question", "task");

    private TicketForms() {}

    /** The ticket page's form: a comment (public reply or internal note) and the ticket's fields. */
    record UpdateForm(
            String comment,
            String visibility,
            String status,
            String priority,
            String type,
            String assignee,
            String group,
            String tags) {

        static UpdateForm of(Ticket t) {
            return new UpdateForm(
                    "",
                    "public",
                    t.status(),
                    Objects.toString(t.priority(), ""),
                    Objects.toString(t.type(), ""),
                    t.assigneeId() == null ? "" : t.assigneeId().toString(),
                    t.groupId() == null ? "" : t.groupId().toString(),
                    String.join(" ", t.tags()));
        }
    }

    /** The new-ticket form. */
    record NewTicketForm(
            String subject,
            String requesterEmail,
            String requesterName,
            String comment,
            String visibility,
            String status,
            String priority,
            String type,
            String assignee,
            String group,
            String tags) {

        static NewTicketForm empty() {
            return new NewTicketForm("", "", "", "", "public", "", "", "", "", "", "");
        }
    }

    /** What the update form changes on {@code current}; {@link TicketChanges#none()} when nothing. */
    static TicketChanges changes(UpdateForm form, Ticket current) {
        Optional<String> status = Optional.ofNullable(blank(form.status()))
                .map(s -> oneOf("status", s, STATUSES))
                .filter(s -> !s.equals(current.status()));
        String priority = optionalOneOf("priority", form.priority(), PRIORITIES);
        String type = optionalOneOf("type", form.type(), TYPES);
        Long assignee = id("assignee_id", form.assignee());
        Long group = id("group_id", form.group());
        List<String> tags = tags(form.tags());
        return new TicketChanges(
                Optional.empty(),
                changed(type, current.type()),
                changed(priority, current.priority()),
                status,
                Field.absent(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                changed(assignee, current.assigneeId()),
                Field.absent(),
                changed(group, current.groupId()),
                Optional.empty(),
                tags.equals(current.tags()) ? Optional.empty() : Optional.of(tags),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Field.absent(),
                comment(form.comment(), form.visibility()));
    }

    /** The new ticket; the requester is found or created by email, as the API's {@code requester} does. */
    static TicketChanges changes(NewTicketForm form) {
        String email = blank(form.requesterEmail());
        return new TicketChanges(
                Optional.ofNullable(blank(form.subject())),
                Field.of(optionalOneOf("type", form.type(), TYPES)),
                Field.of(optionalOneOf("priority", form.priority(), PRIORITIES)),
                Optional.ofNullable(blank(form.status())).map(s -> oneOf("status", s, STATUSES)),
                Field.absent(),
                Optional.empty(),
                email == null ? Optional.empty() : Optional.of(new Requester(null, email, blank(form.requesterName()))),
                Optional.empty(),
                Field.of(id("assignee_id", form.assignee())),
                Field.absent(),
                Field.of(id("group_id", form.group())),
                Optional.empty(),
                Optional.of(tags(form.tags())),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Field.absent(),
                comment(form.comment(), form.visibility()));
    }

    private static Optional<NewComment> comment(String body, String visibility) {
        if (blank(body) == null) {
            return Optional.empty();
        }
        boolean isPublic = switch (Objects.toString(visibility, "public")) {
            case "public" -> true;
            case "internal" -> false;
            default -> throw Input.invalid("comment", "visibility must be public or internal");
        };
        return Optional.of(new NewComment(body, null, isPublic, null));
    }

    private static <T> Field<T> changed(T value, T current) {
        return Objects.equals(value, current) ? Field.absent() : Field.of(value);
    }

    private static String optionalOneOf(String field, String value, List<String> allowed) {
        String v = blank(value);
        return v == null ? null : oneOf(field, v, allowed);
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw Input.invalid(field, "\"" + value + "\" is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    private static Long id(String field, String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw Input.invalid(field, "\"" + v + "\" is not an id");
        }
    }

    /** Tags as the API normalises them: split on spaces and commas, lower-cased, no duplicates. */
    private static List<String> tags(String text) {
        return Input.of(JsonNodeFactory.instance.objectNode().put("tags", Objects.toString(text, "")))
                .tags("tags")
                .orElse(List.of());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
