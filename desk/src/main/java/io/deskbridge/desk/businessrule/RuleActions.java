package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.ticket.Via;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Zendesk's rule actions applied to a {@link RuleTicket}: {@code status}, {@code priority},
 * {@code type}, {@code group_id}, {@code assignee_id} ({@code current_user}: who made the write, skipped
 * for automations, which nobody makes; {@code ""}: none), {@code set_tags} (replace), {@code current_tags} (add), {@code remove_tags},
 * {@code custom_fields_<id>}; and the side effects {@code notification_webhook} ([webhook id, body
 * template]), {@code notification_user} ([recipient, subject, body]) and {@code notification_group}
 * ([group id, subject, body]), collected here and carried out by the caller once every rule ran.
 * An assignee or group that does not exist is not set (Zendesk's rule editors only offer existing
 * ones; desk does not fail the write that ran the rule). Actions desk does not run (emails, comments,
 * SLAs, ...) are skipped.
 */
final class RuleActions {

    /** A {@code notification_webhook} action: where, and the body before its placeholders are filled. */
    record WebhookCall(long webhookId, String template, Via via) {}

    /** A {@code notification_user} or {@code notification_group} action. */
    record Notify(String field, String to, String subject, String body, Via via) {}

    /** What the rules did, in firing order. */
    static final class Effects {
        final Map<String, Via> changedBy = new LinkedHashMap<>();
        final List<WebhookCall> webhooks = new ArrayList<>();
        final List<Notify> notifications = new ArrayList<>();
    }

    private RuleActions() {}

    static void apply(
            JsonNode actions,
            RuleTicket t,
            Via via,
            Effects effects,
            LongPredicate userExists,
            LongPredicate groupExists) {
        for (JsonNode action : actions) {
            String field = action.path("field").asString("");
            JsonNode value = action.path("value");
            String one = single(value);
            switch (field) {
                case "status" -> {
                    if (RuleConditions.STATUSES.contains(one)) {
                        set(effects, via, "status", t.status, one, v -> t.status = v);
                    }
                }
                case "priority" -> {
                    if (one.isEmpty() || RuleConditions.PRIORITIES.contains(one)) {
                        set(effects, via, "priority", t.priority, blankToNull(one), v -> t.priority = v);
                    }
                }
                case "type", "ticket_type_id" -> {
                    if (one.isEmpty()
                            || List.of("question", "incident", "problem", "task")
                                    .contains(one)) {
                        set(effects, via, "type", t.type, blankToNull(one), v -> t.type = v);
                    }
                }
                case "group_id" -> {
                    Long group = id(one, t);
                    if (group == null || groupExists.test(group)) {
                        set(effects, via, "group_id", t.groupId, group, v -> t.groupId = v);
                    }
                }
                case "assignee_id" -> {
                    Long assignee = id(one, t);
                    boolean nobodyIsCurrent = one.equals("current_user") && t.actorId == null;
                    if (!nobodyIsCurrent && (assignee == null || userExists.test(assignee))) {
                        set(effects, via, "assignee_id", t.assigneeId, assignee, v -> t.assigneeId = v);
                    }
                }
                case "set_tags" -> {
                    List<String> before = List.copyOf(t.tags);
                    t.tags.clear();
                    t.tags.addAll(words(value));
                    touched(effects, via, "tags", before, List.copyOf(t.tags));
                }
                case "current_tags" -> {
                    List<String> before = List.copyOf(t.tags);
                    t.tags.addAll(words(value));
                    touched(effects, via, "tags", before, List.copyOf(t.tags));
                }
                case "remove_tags" -> {
                    List<String> before = List.copyOf(t.tags);
                    words(value).forEach(t.tags::remove);
                    touched(effects, via, "tags", before, List.copyOf(t.tags));
                }
                case "notification_webhook" -> {
                    Long webhook = value.isArray() && !value.isEmpty()
                            ? number(value.get(0).asString(""))
                            : null;
                    if (webhook != null) {
                        String body = value.size() > 1 ? value.get(1).asString("") : "";
                        effects.webhooks.add(new WebhookCall(webhook, body, via));
                    }
                }
                case "notification_user", "notification_group" -> {
                    if (value.isArray() && value.size() >= 3) {
                        effects.notifications.add(new Notify(
                                field,
                                value.get(0).asString(""),
                                value.get(1).asString(""),
                                value.get(2).asString(""),
                                via));
                    }
                }
                default -> {
                    if (field.startsWith("custom_fields_") && RuleTicket.customId(field) > 0) {
                        Long id = RuleTicket.customId(field);
                        JsonNode before = t.customFields.get(id);
                        JsonNode after = value.isArray() && value.size() == 1 ? value.get(0) : value;
                        after = after.isMissingNode() ? JsonNodeFactory.instance.nullNode() : after;
                        t.customFields.put(id, after);
                        if (!Objects.equals(before, after)) {
                            effects.changedBy.put("custom_fields", via);
                        }
                    }
                }
            }
        }
    }

    private static <T> void set(
            Effects effects, Via via, String field, T before, T after, java.util.function.Consumer<T> setter) {
        setter.accept(after);
        if (!Objects.equals(before, after)) {
            effects.changedBy.put(field, via);
        }
    }

    private static void touched(Effects effects, Via via, String field, List<String> before, List<String> after) {
        if (!before.equals(after)) {
            effects.changedBy.put(field, via);
        }
    }

    private static Long id(String value, RuleTicket t) {
        if (value.equals("current_user")) {
            return t.actorId;
        }
        if (value.equals("requester_id")) {
            return t.saved.requesterId();
        }
        return number(value);
    }

    static Long number(String value) {
        return value != null && value.matches("[1-9][0-9]{0,17}") ? Long.valueOf(value) : null;
    }

    private static String single(JsonNode value) {
        if (value.isArray()) {
            return value.isEmpty() ? "" : value.get(0).asString("");
        }
        return value.isNull() || value.isMissingNode() ? "" : value.asString("");
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static List<String> words(JsonNode value) {
        List<String> words = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        for (JsonNode item : items) {
            for (String word : item.asString("").trim().split("[\\s,]+")) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }
}
