package io.deskbridge.desk.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Zendesk ticket event types desk emits ({@code zen:event-type:ticket.*}, Zendesk's names).
 * Zendesk has no catch-all "ticket updated" event: an update emits one event per changed property
 * and one per added comment.
 */
public enum TicketEventType {
    CREATED("ticket.created"),
    COMMENT_ADDED("ticket.comment_added"),
    STATUS_CHANGED("ticket.status_changed"),
    PRIORITY_CHANGED("ticket.priority_changed"),
    TYPE_CHANGED("ticket.type_changed"),
    SUBJECT_CHANGED("ticket.subject_changed"),
    TAGS_CHANGED("ticket.tags_changed"),
    AGENT_ASSIGNMENT_CHANGED("ticket.agent_assignment_changed"),
    GROUP_ASSIGNMENT_CHANGED("ticket.group_assignment_changed"),
    ORGANIZATION_CHANGED("ticket.organization_changed"),
    REQUESTER_CHANGED("ticket.requester_changed"),
    EXTERNAL_ID_CHANGED("ticket.external_id_changed"),
    TASK_DUE_AT_CHANGED("ticket.task_due_at_changed"),
    SOFT_DELETED("ticket.soft_deleted"),
    UNDELETED("ticket.undeleted");

    /** Zendesk's subscription for webhooks called by triggers and automations rather than events. */
    public static final String CONDITIONAL_TICKET_EVENTS = "conditional_ticket_events";

    static final String PREFIX = "zen:event-type:";

    private final String wireName;

    TicketEventType(String name) {
        this.wireName = PREFIX + name;
    }

    public String wireName() {
        return wireName;
    }

    static Optional<TicketEventType> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(TicketEventType::wireName).toList();
    }
}
