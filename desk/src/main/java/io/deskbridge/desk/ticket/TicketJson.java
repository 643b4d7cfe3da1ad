package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tickets and comments in Zendesk's JSON shape. */
public final class TicketJson {

    private TicketJson() {}

    /** The ticket object; {@code status} is "deleted" for a deleted ticket (as exports show it). */
    public static Map<String, Object> ticket(Ticket t, String baseUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("url", baseUrl + "/api/v2/tickets/" + t.id() + ".json");
        m.put("external_id", t.externalId());
        m.put("via", via(t.viaChannel()));
        m.put("created_at", t.createdAt());
        m.put("updated_at", t.updatedAt());
        m.put("generated_timestamp", t.generatedTimestamp());
        m.put("type", t.type());
        m.put("subject", t.subject());
        m.put("raw_subject", t.rawSubject() == null ? "" : t.rawSubject());
        m.put("description", t.description());
        m.put("priority", t.priority());
        m.put("status", t.deleted() ? "deleted" : t.status());
        if (t.recipient() != null) {
            m.put("recipient", t.recipient());
        }
        m.put("requester_id", t.requesterId());
        m.put("submitter_id", t.submitterId());
        m.put("assignee_id", t.assigneeId());
        m.put("organization_id", t.organizationId());
        m.put("group_id", t.groupId());
        m.put("collaborator_ids", t.collaboratorIds());
        m.put("follower_ids", t.followerIds());
        m.put("email_cc_ids", List.of());
        m.put("problem_id", null);
        m.put("has_incidents", t.hasIncidents());
        m.put("is_public", t.isPublic());
        m.put("due_at", t.dueAt());
        m.put("tags", t.tags());
        m.put("custom_fields", t.customFields());
        m.put("sharing_agreement_ids", List.of());
        m.put("followup_ids", List.of());
        m.put("brand_id", null);
        m.put("allow_channelback", false);
        m.put("allow_attachments", true);
        m.put("from_messaging_channel", false);
        return m;
    }

    public static Map<String, Object> comment(TicketComment c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("type", "Comment");
        m.put("author_id", c.authorId());
        m.put("body", c.body());
        m.put("html_body", c.htmlBody());
        m.put("plain_body", c.plainBody());
        m.put("public", c.isPublic());
        m.put("attachments", List.of());
        m.put("audit_id", c.auditId());
        m.put("via", via(c.viaChannel()));
        m.put("metadata", Map.of("system", Map.of(), "custom", Map.of()));
        m.put("created_at", c.createdAt());
        return m;
    }

    public static Map<String, Object> audit(TicketAudit a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("ticket_id", a.ticketId());
        m.put("created_at", a.createdAt());
        m.put("author_id", a.authorId());
        m.put("metadata", Map.of("system", Map.of(), "custom", Map.of()));
        m.put("via", via(a.viaChannel()));
        m.put("events", a.events());
        return m;
    }

    static Map<String, Object> deleted(Ticket t, String actorName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("subject", t.subject());
        m.put("description", t.description());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", t.deletedBy());
        actor.put("name", actorName);
        m.put("actor", actor);
        m.put("previous_state", t.status());
        m.put("deleted_at", (Instant) t.deletedAt());
        return m;
    }

    public static Map<String, Object> via(String channel) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("from", Map.of());
        source.put("to", Map.of());
        source.put("rel", null);
        Map<String, Object> via = new LinkedHashMap<>();
        via.put("channel", channel);
        via.put("source", source);
        return via;
    }
}
