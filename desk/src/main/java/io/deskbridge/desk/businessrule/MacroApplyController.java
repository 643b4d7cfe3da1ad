package io.deskbridge.desk.businessrule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Applying a macro, which in Zendesk only previews: {@code GET /api/v2/macros/{id}/apply} answers the
 * changes the macro would make ({@code ShowChangesToTicket}), {@code GET
 * /api/v2/tickets/{ticket_id}/macros/{id}/apply} the ticket as it would be after them
 * ({@code ShowTicketAfterChanges}); both as {@code {"result": {"ticket": {...}}}} (OAS
 * {@code MacroApplyTicketResponse}). Nothing is saved: the caller sends the result in a ticket update.
 *
 * <p>Decisions. The actions read are those desk's tickets have: {@code status}, {@code priority},
 * {@code type}, {@code subject}, {@code assignee_id} ({@code current_user} is the caller),
 * {@code group_id}, {@code set_tags}, {@code current_tags} (adds), {@code remove_tags},
 * {@code comment_value} / {@code comment_value_html} (the comment body; a {@code [channel, body]}
 * pair gives its body) and {@code comment_mode_is_public}. Other actions (custom fields, followers,
 * notifications) are not previewed. A changes-only result lists only the fields an action sets, as
 * Zendesk's example does; an empty value clears ({@code null} is then omitted in the changes-only
 * form, which Zendesk's clients read as "unchanged" — a known limit of the preview).
 */
@RestController
class MacroApplyController {

    record MacroApplyResponse(Result result) {}

    record Result(AppliedTicket ticket) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppliedTicket(
            Long id,
            String url,
            String subject,
            String status,
            String priority,
            String type,
            Long assigneeId,
            Long groupId,
            List<String> tags,
            AppliedComment comment) {}

    record AppliedComment(
            String body, @JsonProperty("public") boolean isPublic) {}

    private final BusinessRules rules;
    private final Tickets tickets;

    MacroApplyController(BusinessRules rules, Tickets tickets) {
        this.rules = rules;
        this.tickets = tickets;
    }

    @GetMapping("/api/v2/macros/{id}/apply")
    MacroApplyResponse changes(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        Preview p = new Preview();
        p.apply(rules.get(RuleKind.MACRO, id).actions(), caller);
        return new MacroApplyResponse(new Result(new AppliedTicket(
                null,
                null,
                p.subject,
                p.status,
                p.priority,
                p.type,
                p.assigneeId,
                p.groupId,
                p.tagsTouched ? List.copyOf(p.tags) : null,
                p.comment())));
    }

    @GetMapping("/api/v2/tickets/{ticketId}/macros/{id}/apply")
    MacroApplyResponse ticketAfter(
            @PathVariable long ticketId, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        Ticket ticket = tickets.get(ticketId);
        BusinessRule macro = rules.get(RuleKind.MACRO, id);
        Preview p = new Preview();
        p.subject = ticket.subject();
        p.status = ticket.status();
        p.priority = ticket.priority();
        p.type = ticket.type();
        p.assigneeId = ticket.assigneeId();
        p.groupId = ticket.groupId();
        p.tags.addAll(ticket.tags());
        p.apply(macro.actions(), caller);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return new MacroApplyResponse(new Result(new AppliedTicket(
                ticket.id(),
                base + "/api/v2/tickets/" + ticket.id() + ".json",
                p.subject,
                p.status,
                p.priority,
                p.type,
                p.assigneeId,
                p.groupId,
                List.copyOf(p.tags),
                p.comment())));
    }

    /** The fields a macro's actions set, applied in order over a starting point. */
    private static final class Preview {
        String subject;
        String status;
        String priority;
        String type;
        Long assigneeId;
        Long groupId;
        final LinkedHashSet<String> tags = new LinkedHashSet<>();
        boolean tagsTouched;
        String commentBody;
        boolean commentPublic = true;

        void apply(JsonNode actions, DeskPrincipal caller) {
            for (JsonNode action : actions) {
                String field = action.path("field").asString("");
                JsonNode value = action.path("value");
                String one = single(value);
                switch (field) {
                    case "status" -> status = blankToNull(one);
                    case "priority" -> priority = blankToNull(one);
                    case "type" -> type = blankToNull(one);
                    case "subject" -> subject = one;
                    case "assignee_id" -> assigneeId = user(one, caller);
                    case "group_id" -> groupId = number(one);
                    case "set_tags" -> {
                        tags.clear();
                        tags.addAll(words(value));
                        tagsTouched = true;
                    }
                    case "current_tags" -> {
                        tags.addAll(words(value));
                        tagsTouched = true;
                    }
                    case "remove_tags" -> {
                        tags.removeAll(words(value));
                        tagsTouched = true;
                    }
                    case "comment_value", "comment_value_html" ->
                        commentBody = value.isArray() && value.size() == 2
                                ? value.get(1).asString("")
                                : one;
                    case "comment_mode_is_public" -> commentPublic = !"false".equalsIgnoreCase(one);
                    default -> {
                        // Not previewed (see the class comment).
                    }
                }
            }
        }

        AppliedComment comment() {
            return commentBody == null ? null : new AppliedComment(commentBody, commentPublic);
        }

        private static String single(JsonNode value) {
            if (value.isArray()) {
                return value.isEmpty() ? "" : value.get(0).asString("");
            }
            return value.isNull() || value.isMissingNode() ? "" : value.asString("");
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

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private static Long user(String value, DeskPrincipal caller) {
            if ("current_user".equals(value)) {
                return caller == null ? null : caller.userId();
            }
            return number(value);
        }

        private static Long number(String value) {
            return value != null && value.matches("[1-9][0-9]{0,17}") ? Long.valueOf(value) : null;
        }
    }
}
