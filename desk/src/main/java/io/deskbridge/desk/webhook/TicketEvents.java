package io.deskbridge.desk.webhook;

import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketChanged;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;

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
    record Event(TicketEventType type, String id, Map<String, Object> envelope) {}

    private TicketEvents() {}

    /**
     * The events of one change.
     *
     * @param users looks up comment authors (null when unknown)
     */
    static List<Event> of(TicketChanged change, long accountId, LongFunction<UserAccount> users) {
        String sequence = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        List<Map.Entry<TicketEventType, Map<String, Object>>> events = new ArrayList<>();
        Ticket now = change.ticket();
        Ticket before = change.previous();
        switch (change.kind()) {
            case CREATED:
                events.add(Map.entry(TicketEventType.CREATED, new LinkedHashMap<>()));
                break;
            case DELETED:
                events.add(Map.entry(TicketEventType.SOFT_DELETED, new LinkedHashMap<>()));
                break;
            case RESTORED:
                events.add(Map.entry(TicketEventType.UNDELETED, new LinkedHashMap<>()));
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
                        events.add(Map.entry(TicketEventType.COMMENT_ADDED, comment(audit, users)));
                    }
                }
                break;
        }
        Map<String, Object> detail = detail(now, change.actorId());
        List<Event> rendered = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> event = events.get(i).getValue();
            event.put("meta", Map.of("sequence", sequence(sequence, i + 1)));
            String id = UUID.randomUUID().toString();
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("type", events.get(i).getKey().wireName());
            envelope.put("account_id", accountId);
            envelope.put("id", id);
            envelope.put("time", time(change.at()));
            envelope.put("zendesk_event_version", EVENT_VERSION);
            envelope.put("subject", "zen:ticket:" + now.id());
            envelope.put("detail", detail);
            envelope.put("event", event);
            rendered.add(new Event(events.get(i).getKey(), id, envelope));
        }
        return rendered;
    }

    /** Zendesk's ticket-event detail object. */
    static Map<String, Object> detail(Ticket t, Long actorId) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("actor_id", id(actorId));
        d.put("assignee_id", id(t.assigneeId()));
        d.put("brand_id", null);
        d.put("created_at", time(t.createdAt()));
        d.put("custom_status", null);
        d.put("description", t.description());
        d.put("external_id", t.externalId());
        d.put("form_id", null);
        d.put("group_id", id(t.groupId()));
        d.put("id", String.valueOf(t.id()));
        d.put("is_public", t.isPublic());
        d.put("organization_id", id(t.organizationId()));
        d.put("priority", upper(t.priority()));
        d.put("requester_id", String.valueOf(t.requesterId()));
        d.put("status", t.deleted() ? "DELETED" : upper(t.status()));
        d.put("subject", t.subject());
        d.put("submitter_id", String.valueOf(t.submitterId()));
        d.put("tags", t.tags());
        d.put("type", upper(t.type()));
        d.put("updated_at", time(t.updatedAt()));
        Map<String, Object> via = new LinkedHashMap<>();
        via.put("channel", t.viaChannel());
        d.put("via", via);
        return d;
    }

    private static void changed(
            List<Map.Entry<TicketEventType, Map<String, Object>>> events,
            TicketEventType type,
            Ticket before,
            Ticket now,
            Function<Ticket, Object> value) {
        Object previous = value.apply(before);
        Object current = value.apply(now);
        if (!Objects.equals(previous, current)) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("current", current);
            event.put("previous", previous);
            events.add(Map.entry(type, event));
        }
    }

    private static void tags(List<Map.Entry<TicketEventType, Map<String, Object>>> events, Ticket before, Ticket now) {
        List<String> added =
                now.tags().stream().filter(t -> !before.tags().contains(t)).toList();
        List<String> removed =
                before.tags().stream().filter(t -> !now.tags().contains(t)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("tags_added", added);
            event.put("tags_removed", removed);
            events.add(Map.entry(TicketEventType.TAGS_CHANGED, event));
        }
    }

    private static Map<String, Object> comment(Map<String, Object> audit, LongFunction<UserAccount> users) {
        Object authorId = audit.get("author_id");
        UserAccount author = authorId instanceof Number n ? users.apply(n.longValue()) : null;
        Map<String, Object> authorJson = new LinkedHashMap<>();
        authorJson.put("id", authorId == null ? null : String.valueOf(authorId));
        authorJson.put("is_staff", author != null && author.role() != Role.END_USER);
        authorJson.put("name", author == null ? null : author.name());
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("author", authorJson);
        comment.put("body", audit.get("body"));
        comment.put("html_body", audit.get("html_body"));
        comment.put("id", String.valueOf(audit.get("id")));
        comment.put("is_public", Boolean.TRUE.equals(audit.get("public")));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("comment", comment);
        return event;
    }

    private static Map<String, Object> sequence(String id, int position) {
        Map<String, Object> sequence = new LinkedHashMap<>();
        sequence.put("id", id);
        sequence.put("position", position);
        return sequence;
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
