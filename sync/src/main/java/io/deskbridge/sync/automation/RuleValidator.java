package io.deskbridge.sync.automation;

import io.deskbridge.sync.address.InvalidAddressException;
import io.deskbridge.sync.address.PlainHttp;
import io.deskbridge.sync.address.ZendeskAddresses;
import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.api.TextInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a rule before it is stored, naming the part that is wrong ({@code conditions.all[1].operator})
 * with the value seen and what is allowed, and answers the rule with Zendesk's field names.
 */
final class RuleValidator {

    static final int MAX_CONDITIONS = 50;
    static final int MAX_ACTIONS = 20;
    static final int MAX_TEXT = 65_000;

    private static final Set<String> TICKET_ACTIONS = Set.of(
            "status",
            "priority",
            "type",
            "group_id",
            "assignee_id",
            "add_tags",
            "remove_tags",
            "set_tags",
            "internal_note",
            "public_reply",
            "notify");

    /** The {@code current_tags} action of Zendesk's triggers adds tags. */
    private static final String ZENDESK_ADD_TAGS = "current_tags";

    private RuleValidator() {}

    record Valid(String title, RuleEvent event, RuleConditions conditions, List<Action> actions) {}

    static Valid validate(
            String title, String event, RuleConditions conditions, List<Action> actions, PlainHttp plainHttp) {
        if (title == null || title.isBlank()) {
            throw invalid("title", "Blank", "Title: is required");
        }
        TextInput.check("title", "Title", title);
        if (title.strip().length() > 255) {
            throw invalid(
                    "title",
                    "TooLong",
                    "Title: at most 255 characters; it has " + title.strip().length());
        }
        RuleEvent ruleEvent = RuleEvent.fromWire(event)
                .orElseThrow(() -> invalid(
                        "event",
                        "InvalidValue",
                        "Event must be ticket.created, ticket.updated, ticket.solved, ticket.comment_added or time;"
                                + " it is " + quoted(event)));
        RuleConditions given = conditions == null ? new RuleConditions(List.of(), List.of()) : conditions;
        if (given.all().size() + given.any().size() > MAX_CONDITIONS) {
            throw invalid("conditions", "TooMany", "Conditions: at most " + MAX_CONDITIONS + " in all");
        }
        RuleConditions valid = new RuleConditions(
                conditions("conditions.all", given.all()), conditions("conditions.any", given.any()));
        if (ruleEvent == RuleEvent.TIME
                && valid.all().stream().noneMatch(c -> RuleFields.kind(c.field()) == RuleFields.Kind.HOURS)) {
            throw invalid(
                    "conditions.all",
                    "TimeConditionRequired",
                    "A time rule needs an hours_since_created, hours_since_updated or hours_since_solved condition"
                            + " in conditions.all (for example {\"field\": \"hours_since_updated\", \"operator\":"
                            + " \"greater_than\", \"value\": 48})");
        }
        if (ruleEvent != RuleEvent.COMMENT_ADDED) {
            for (Condition c : valid.all()) {
                RuleFields.Kind kind = RuleFields.kind(c.field());
                if (kind == RuleFields.Kind.COMMENT_TEXT || kind == RuleFields.Kind.COMMENT_PUBLIC) {
                    throw invalid(
                            "conditions",
                            "CommentConditionNeedsCommentEvent",
                            "The condition on " + c.field() + " can only hold for the event ticket.comment_added;"
                                    + " the rule's event is " + ruleEvent.wireName());
                }
            }
        }
        return new Valid(title.strip(), ruleEvent, valid, actions(actions, plainHttp));
    }

    private static List<Condition> conditions(String where, List<Condition> given) {
        List<Condition> valid = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = where + "[" + i + "]";
            Condition c = given.get(i);
            if (c == null) {
                throw invalid(at, "Blank", at + ": is null");
            }
            String field = RuleFields.canonical(c.field())
                    .orElseThrow(() -> invalid(
                            at + ".field",
                            "UnknownField",
                            at + ".field " + quoted(c.field()) + " is not a field rules know; use status, priority,"
                                    + " type, group_id, assignee_id, requester_id, organization_id, current_tags,"
                                    + " custom_fields_<id>, comment_includes_word, comment_is_public, via_id,"
                                    + " hours_since_created, hours_since_updated or hours_since_solved"));
            RuleFields.Kind kind = RuleFields.kind(field);
            Set<Operator> allowed = RuleFields.operators(kind);
            Operator op = Operator.fromWire(c.operator())
                    .filter(allowed::contains)
                    .orElseThrow(() -> invalid(
                            at + ".operator",
                            "InvalidOperator",
                            at + ".operator " + quoted(c.operator()) + " does not apply to " + field + "; use one of "
                                    + allowed.stream()
                                            .map(o -> o.wireName)
                                            .sorted()
                                            .toList()));
            if (op.takesValue()) {
                value(at, field, kind, op, c);
            }
            valid.add(new Condition(field, op.wireName, op.takesValue() ? c.value() : null));
        }
        return List.copyOf(valid);
    }

    private static void value(String at, String field, RuleFields.Kind kind, Operator op, Condition c) {
        String text = Snapshot.text(c.value());
        TextInput.check(at + ".value", at + ".value", text);
        List<String> choices = RuleFields.choices(field);
        boolean ok = switch (kind) {
            case ORDERED, CHOICE -> text != null && choices.contains(text);
            case ID -> text == null || text.matches("\\d{1,18}");
            case HOURS ->
                c.value() != null && c.value().canConvertToLong() && c.value().asLong() >= 0;
            case COMMENT_PUBLIC -> text != null && (text.equals("true") || text.equals("false"));
            case TAGS, COMMENT_TEXT, TEXT -> text != null && text.length() <= MAX_TEXT;
            case CUSTOM ->
                c.value() != null && (c.value().isValueNode() || c.value().isArray());
        };
        if (!ok) {
            String expected = switch (kind) {
                case ORDERED, CHOICE -> "one of " + choices;
                case ID -> "an id, or null for none";
                case HOURS -> "a whole number of hours, 0 or more";
                case COMMENT_PUBLIC -> "true or false";
                case TAGS -> "tags separated by spaces, or a list of tags";
                case COMMENT_TEXT, TEXT -> "text";
                case CUSTOM -> "the field's value";
            };
            throw invalid(
                    at + ".value",
                    "InvalidValue",
                    at + ".value for " + field + " " + op.wireName + " must be " + expected + "; it is "
                            + (c.value() == null ? "missing" : c.value().toString()));
        }
    }

    private static List<Action> actions(List<Action> given, PlainHttp plainHttp) {
        if (given == null || given.isEmpty()) {
            throw invalid("actions", "Blank", "Actions: a rule needs at least one");
        }
        if (given.size() > MAX_ACTIONS) {
            throw invalid("actions", "TooMany", "Actions: at most " + MAX_ACTIONS + "; there are " + given.size());
        }
        List<Action> valid = new ArrayList<>();
        int comments = 0;
        int notifies = 0;
        for (int i = 0; i < given.size(); i++) {
            String at = "actions[" + i + "]";
            Action a = given.get(i);
            if (a == null) {
                throw invalid(at, "Blank", at + ": is null");
            }
            String field = ZENDESK_ADD_TAGS.equals(a.field()) ? "add_tags" : a.field();
            if (field == null || !(TICKET_ACTIONS.contains(field) || RuleFields.isCustom(field))) {
                throw invalid(
                        at + ".field",
                        "UnknownAction",
                        at + ".field " + quoted(a.field()) + " is not an action rules can take; use status, priority,"
                                + " type, group_id, assignee_id, add_tags, remove_tags, set_tags, custom_fields_<id>,"
                                + " internal_note, public_reply or notify");
            }
            String text = Snapshot.text(a.value());
            TextInput.check(at + ".value", at + ".value", text);
            String problem = switch (field) {
                case "status" ->
                    List.of("open", "pending", "hold", "solved").contains(text)
                            ? null
                            : "one of [open, pending, hold, solved]";
                case "priority" -> RuleFields.PRIORITIES.contains(text) ? null : "one of " + RuleFields.PRIORITIES;
                case "type" -> RuleFields.TYPES.contains(text) ? null : "one of " + RuleFields.TYPES;
                case "group_id", "assignee_id" ->
                    a.value() != null && a.value().canConvertToLong() || text != null && text.matches("\\d{1,18}")
                            ? null
                            : "an id";
                case "add_tags", "remove_tags", "set_tags" ->
                    text != null && !Snapshot.tagSet(a.value()).isEmpty() ? null : "tags separated by spaces";
                case "internal_note", "public_reply" ->
                    text != null && !text.isBlank() && text.length() <= MAX_TEXT
                            ? null
                            : "text of 1 to " + MAX_TEXT + " characters";
                case "notify" -> endpointProblem(text, plainHttp);
                default ->
                    a.value() != null && (a.value().isValueNode() || a.value().isArray()) ? null : "a value";
            };
            if (problem != null) {
                throw invalid(
                        at + ".value",
                        "InvalidValue",
                        at + ".value for " + field + " must be " + problem + "; it is "
                                + (a.value() == null ? "missing" : a.value().toString()));
            }
            if ((field.equals("internal_note") || field.equals("public_reply")) && ++comments > 1) {
                throw invalid(
                        at, "OneComment", at + ": a rule adds at most one comment (internal_note or public_reply)");
            }
            if (field.equals("notify") && ++notifies > 1) {
                throw invalid(at, "OneEndpoint", at + ": a rule notifies at most one endpoint");
            }
            valid.add(new Action(field, a.value()));
        }
        return List.copyOf(valid);
    }

    /** Null when {@code url} is an endpoint sync may call, else what it must be instead. */
    private static String endpointProblem(String url, PlainHttp plainHttp) {
        if (url == null) {
            return "the endpoint's URL";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "a URL (" + e.getReason() + ")";
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            return "an absolute https:// URL";
        }
        if (uri.getRawFragment() != null) {
            return "a URL without a #fragment";
        }
        try {
            ZendeskAddresses.normalise(uri.getScheme() + "://" + uri.getRawAuthority(), plainHttp);
        } catch (InvalidAddressException e) {
            return "an endpoint sync's address policy allows (" + e.getMessage().replace("Zendesk address", "address")
                    + ")";
        }
        return null;
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }

    private static RecordInvalidException invalid(String field, String code, String message) {
        return new RecordInvalidException(field, code, message);
    }
}
