package io.deskbridge.desk.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketChanged;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Turns a ticket change into Zendesk's ticket events: one per changed property and one per added
 * comment, each in Zendesk's envelope ({@code type}, {@code account_id}, {@code id}, {@code time},
 * {@code zendesk_event_version}, {@code subject}, {@code detail}, {@code event}).
 *
 * <p>{@code detail} is Zendesk's ticket-event detail object, not the REST ticket: ids as strings,
 * status, priority and type in upper case, {@code via.channel} only. Receivers written for Zendesk's
 * events parse exactly that. A new ticket emits {@code ticket.created} only; its first comment is
 * the detail's {@code description}.
 */
final class TicketEvents {

    /** Zendesk's current event schema version. */
    static final String EVENT_VERSION = "2022-11-06";

    /** One rendered event: its type, id and the complete JSON envelope. */
    record Event(TicketEventType type, String id, Envelope<Detail, EventBody> envelope) {}

    /*
     * The records below are written by JsonText's plain mapper into the outbox (the signed bytes), so
     * they carry their snake-case naming themselves instead of relying on Spring's configured mapper.
     */

    /** Zendesk's event envelope; {@code detail} and {@code event} depend on the event type. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Envelope<D, E>(
            String type,
            long accountId,
            String id,
            String time,
            String zendeskEventVersion,
            String subject,
            D detail,
            E event) {}

    /** Zendesk's ticket-event detail object: ids as strings, status, priority and type in upper case. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Detail(
            String actorId,
            String assigneeId,
            String brandId,
            String createdAt,
            String customStatus,
            String description,
            String externalId,
            String formId,
            String groupId,
            String id,
            @JsonProperty("is_public") boolean isPublic,
            String organizationId,
            String priority,
            String requesterId,
            String status,
            String subject,
            String submitterId,
            List<String> tags,
            String type,
            String updatedAt,
            Via via) {}

    record Via(String channel) {}

    /** The {@code event} object of one event type; every one ends with its place in the change. */
    sealed interface EventBody permits Happened, Changed, TagsChanged, CommentAdded {}

    /** {@code ticket.created}, {@code ticket.soft_deleted}, {@code ticket.undeleted}: only the sequence. */
    record Happened(Meta meta) implements EventBody {}

    /** A property changed: {@code current}, {@code previous}. */
    record Changed(String current, String previous, Meta meta) implements EventBody {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TagsChanged(List<String> tagsAdded, List<String> tagsRemoved, Meta meta) implements EventBody {}

    record CommentAdded(Comment comment, Meta meta) implements EventBody {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Comment(
            Author author,
            String body,
            String htmlBody,
            String id,
            @JsonProperty("is_public") boolean isPublic) {}

    record Author(String id, @JsonProperty("is_staff") boolean isStaff, String name) {}

    record Meta(Sequence sequence) {}

    /** All events of one change share the sequence id, numbered from 1. */
    record Sequence(String id, int position) {}

    private TicketEvents() {}

    /**
     * The events of one change.
     *
     * @param users looks up comment authors (null when unknown)
     */
    static List<Event> of(TicketChanged change, long accountId, LongFunction<UserAccount> users) {
        String sequence = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        List<Map.Entry<TicketEventType, Function<Meta, EventBody>>> events = new ArrayList<>();
        Ticket now = change.ticket();
        Ticket before = change.previous();
        switch (change.kind()) {
            case CREATED:
                events.add(Map.entry(TicketEventType.CREATED, Happened::new));
                break;
            case DELETED:
                events.add(Map.entry(TicketEventType.SOFT_DELETED, Happened::new));
                break;
            case RESTORED:
                events.add(Map.entry(TicketEventType.UNDELETED, Happened::new));
                break;
            default:
                changed(events, TicketEventType.STATUS_CHANGED, before, now, t -> upper(t.status()));
                changed(events, TicketEventType.PRIORITY_CHANGED, before, now, t -> upper(t.priority()));
                changed(events, TicketEventType.TYPE_CHANGED, before, now, t -> upper(t.type()));
                changed(events, TicketEventType.SUBJECT_CHANGED, before, now, Ticket::subject);
                changed(events, TicketEventType.AGENT_ASSIGNMENT_CHANGED, before, now, t -> id(t.assigneeId()));
                changed(events, TicketEventType.GROUP_ASSIGNMENT_CHANGED, before, now, t -> id(t.groupId()));
                changed(events, TicketEventType.ORGANIZATION_CHANGED, before, now, t -> id(t.organizationId()));
                changed(events, TicketEventType.REQUESTER_CHANGED, before, now, t -> id(t.requesterId()));
                changed(events, TicketEventType.EXTERNAL_ID_CHANGED, before, now, Ticket::externalId);
                changed(events, TicketEventType.TASK_DUE_AT_CHANGED, before, now, t -> time(t.dueAt()));
                tags(events, before, now);
                for (Map<String, Object> audit : change.events()) {
                    if ("Comment".equals(audit.get("type"))) {
                        Comment comment = comment(audit, users);
                        events.add(Map.entry(TicketEventType.COMMENT_ADDED, meta -> new CommentAdded(comment, meta)));
                    }
                }
                break;
        }
        Detail detail = detail(now, change.actorId());
        List<Event> rendered = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventBody event = events.get(i).getValue().apply(new Meta(new Sequence(sequence, i + 1)));
            String id = UUID.randomUUID().toString();
            TicketEventType type = events.get(i).getKey();
            rendered.add(new Event(
                    type,
                    id,
                    new Envelope<>(
                            type.wireName(),
                            accountId,
                            id,
                            time(change.at()),
                            EVENT_VERSION,
                            "zen:ticket:" + now.id(),
                            detail,
                            event)));
        }
        return rendered;
    }

    static Detail detail(Ticket t, Long actorId) {
        return new Detail(
                id(actorId),
                id(t.assigneeId()),
                id(t.brandId()),
                time(t.createdAt()),
                null,
                t.description(),
                t.externalId(),
                id(t.ticketFormId()),
                id(t.groupId()),
                String.valueOf(t.id()),
                t.isPublic(),
                id(t.organizationId()),
                upper(t.priority()),
                String.valueOf(t.requesterId()),
                t.deleted() ? "DELETED" : upper(t.status()),
                t.subject(),
                String.valueOf(t.submitterId()),
                t.tags(),
                upper(t.type()),
                time(t.updatedAt()),
                new Via(t.viaChannel()));
    }

    private static void changed(
            List<Map.Entry<TicketEventType, Function<Meta, EventBody>>> events,
            TicketEventType type,
            Ticket before,
            Ticket now,
            Function<Ticket, String> value) {
        String previous = value.apply(before);
        String current = value.apply(now);
        if (!Objects.equals(previous, current)) {
            events.add(Map.entry(type, meta -> new Changed(current, previous, meta)));
        }
    }

    private static void tags(
            List<Map.Entry<TicketEventType, Function<Meta, EventBody>>> events, Ticket before, Ticket now) {
        List<String> added =
                now.tags().stream().filter(t -> !before.tags().contains(t)).toList();
        List<String> removed =
                before.tags().stream().filter(t -> !now.tags().contains(t)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            events.add(Map.entry(TicketEventType.TAGS_CHANGED, meta -> new TagsChanged(added, removed, meta)));
        }
    }

    /** A comment of the audit, read from the audit event's map (ticket's {@code TicketChanged.events()}). */
    private static Comment comment(Map<String, Object> audit, LongFunction<UserAccount> users) {
        Object authorId = audit.get("author_id");
        UserAccount author = authorId instanceof Number n ? users.apply(n.longValue()) : null;
        return new Comment(
                new Author(
                        authorId == null ? null : String.valueOf(authorId),
                        author != null && author.role() != Role.END_USER,
                        author == null ? null : author.name()),
                text(audit.get("body")),
                text(audit.get("html_body")),
                String.valueOf(audit.get("id")),
                Boolean.TRUE.equals(audit.get("public")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String id(Long value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String time(Instant value) {
        return value == null ? null : WebhookSigner.timestamp(value);
    }
}
