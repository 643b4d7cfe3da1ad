package io.deskbridge.desk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One event of a ticket audit, as Zendesk shows it: a field set on create ({@code Create}), a field
 * changed on update ({@code Change}, with {@code previous_value}), or a comment. Field values are
 * open-ended in Zendesk (a string, a number, a list of tags, custom field entries), hence
 * {@code JsonNode}.
 */
public sealed interface AuditEvent
        permits AuditEvent.Create, AuditEvent.Change, AuditEvent.Comment, AuditEvent.Notification {

    long id();

    String type();

    /** A field's value on a new ticket. */
    record Create(long id, String type, String fieldName, tools.jackson.databind.JsonNode value) implements AuditEvent {

        public Create(long id, String fieldName, tools.jackson.databind.JsonNode value) {
            this(id, "Create", fieldName, value);
        }
    }

    /**
     * A field's new and previous value; both may be null (Zendesk sends the nulls).
     *
     * @param via set only on a change a business rule made ({@code channel: "rule"}, the rule in
     *     {@code source.from}), as Zendesk marks trigger and automation changes; absent otherwise
     */
    record Change(
            long id,
            String type,
            String fieldName,
            tools.jackson.databind.JsonNode value,
            tools.jackson.databind.JsonNode previousValue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Via via)
            implements AuditEvent {

        public Change(
                long id,
                String fieldName,
                tools.jackson.databind.JsonNode value,
                tools.jackson.databind.JsonNode previousValue) {
            this(id, "Change", fieldName, value, previousValue, null);
        }
    }

    /** A notification a trigger or automation sent ({@code notification_user}, {@code notification_group}). */
    record Notification(long id, String type, String subject, String body, List<Long> recipients, Via via)
            implements AuditEvent {

        public Notification(long id, String subject, String body, List<Long> recipients, Via via) {
            this(id, "Notification", subject, body, recipients, via);
        }
    }

    /** A comment added by the audit; its id is the comment's id, as in Zendesk. */
    record Comment(
            long id,
            String type,
            long authorId,
            String body,
            String htmlBody,
            String plainBody,
            @JsonProperty("public") boolean isPublic,
            List<Object> attachments,
            long auditId)
            implements AuditEvent {

        public Comment(long id, long authorId, String body, String htmlBody, boolean isPublic, long auditId) {
            this(id, "Comment", authorId, body, htmlBody, body, isPublic, List.of(), auditId);
        }
    }
}
