package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.group.Groups;
import io.deskbridge.desk.groupmembership.GroupMembership;
import io.deskbridge.desk.groupmembership.GroupMemberships;
import io.deskbridge.desk.organization.Organization;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.ticket.RuleNotification;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import io.deskbridge.desk.webhook.Webhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Carries out what fired rules asked for besides field changes, once every rule ran (so
 * placeholders show the ticket as the rules left it): {@code notification_webhook} calls go into
 * the webhook outbox in the write's transaction, {@code notification_user} /
 * {@code notification_group} become Notification audit events naming their recipients (desk sends
 * no email).
 *
 * <p>{@code {{ticket.url}}} is Zendesk's form without a scheme ({@code host/agent/tickets/1}),
 * {@code {{ticket.link}}} the full link; both from {@code desk.public-url}, as a rule running in the
 * background has no request to take the host from.
 */
@Component
class RuleSideEffects {

    private final Webhooks webhooks;
    private final Users users;
    private final Groups groups;
    private final GroupMemberships memberships;
    private final Organizations organizations;
    private final String publicUrl;

    RuleSideEffects(
            Webhooks webhooks,
            Users users,
            Groups groups,
            GroupMemberships memberships,
            Organizations organizations,
            @Value("${desk.public-url}") String publicUrl) {
        this.webhooks = webhooks;
        this.users = users;
        this.groups = groups;
        this.memberships = memberships;
        this.organizations = organizations;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    boolean userExists(long id) {
        return users.findById(id).filter(u -> u.role() != Role.END_USER).isPresent();
    }

    boolean groupExists(long id) {
        return groups.exists(id);
    }

    /** Queues the webhook calls; answers the notifications to record on the audit. */
    List<RuleNotification> carryOut(RuleActions.Effects effects, Ticket ticket, Long actorId) {
        UnaryOperator<String> values = values(ticket, actorId);
        for (RuleActions.WebhookCall call : effects.webhooks) {
            webhooks.queueRuleCall(call.webhookId(), Placeholders.render(call.template(), values, true));
        }
        List<RuleNotification> notes = new ArrayList<>();
        for (RuleActions.Notify n : effects.notifications) {
            notes.add(new RuleNotification(
                    n.via(),
                    recipients(n, ticket, actorId),
                    Placeholders.render(n.subject(), values, false),
                    Placeholders.render(n.body(), values, false)));
        }
        return notes;
    }

    private List<Long> recipients(RuleActions.Notify n, Ticket ticket, Long actorId) {
        if (n.field().equals("notification_group")) {
            Long group = n.to().equals("group_id") ? ticket.groupId() : RuleActions.number(n.to());
            return group == null
                    ? List.of()
                    : memberships.ofGroup(group).stream()
                            .map(GroupMembership::userId)
                            .distinct()
                            .toList();
        }
        Long one = switch (n.to()) {
            case "requester_id" -> ticket.requesterId();
            case "assignee_id" -> ticket.assigneeId();
            case "current_user" -> actorId;
            default -> RuleActions.number(n.to());
        };
        return one == null ? List.of() : List.of(one);
    }

    /** The values of Zendesk's ticket placeholders for this ticket. */
    UnaryOperator<String> values(Ticket t, Long actorId) {
        String host = publicUrl.replaceFirst("^[a-zA-Z]+://", "");
        return name -> switch (name) {
            case "ticket.id" -> String.valueOf(t.id());
            case "ticket.title" -> t.subject();
            case "ticket.description" -> t.description();
            case "ticket.url" -> host + "/agent/tickets/" + t.id();
            case "ticket.link" -> publicUrl + "/agent/tickets/" + t.id();
            case "ticket.external_id" -> t.externalId();
            case "ticket.via" -> viaTitle(t.viaChannel());
            case "ticket.status" -> title(t.status());
            case "ticket.priority" -> t.priority() == null ? "-" : title(t.priority());
            case "ticket.ticket_type" -> t.type() == null ? "Ticket" : title(t.type());
            case "ticket.tags" -> String.join(" ", t.tags());
            case "ticket.due_date" ->
                t.dueAt() == null ? "" : t.dueAt().toString().substring(0, 10);
            case "ticket.created_at" -> t.createdAt().toString();
            case "ticket.updated_at" -> t.updatedAt().toString();
            case "ticket.requester_id" -> String.valueOf(t.requesterId());
            case "ticket.assignee_id" -> t.assigneeId() == null ? "" : String.valueOf(t.assigneeId());
            case "ticket.group_id" -> t.groupId() == null ? "" : String.valueOf(t.groupId());
            case "ticket.organization_id" -> t.organizationId() == null ? "" : String.valueOf(t.organizationId());
            case "ticket.group.name" ->
                t.groupId() == null || !groups.exists(t.groupId())
                        ? ""
                        : groups.get(t.groupId()).name();
            default -> person(name, t, actorId);
        };
    }

    private String person(String name, Ticket t, Long actorId) {
        String[] parts = name.split("\\.");
        Optional<UserAccount> user = Optional.empty();
        String attribute;
        if (name.startsWith("ticket.requester.") && parts.length == 3) {
            user = users.findById(t.requesterId());
            attribute = parts[2];
        } else if (name.startsWith("ticket.assignee.") && parts.length == 3) {
            user = t.assigneeId() == null ? Optional.empty() : users.findById(t.assigneeId());
            attribute = parts[2];
        } else if (name.startsWith("current_user.") && parts.length == 2) {
            user = actorId == null ? Optional.empty() : users.findById(actorId);
            attribute = parts[1];
        } else if (name.startsWith("ticket.organization.") && parts.length == 3) {
            Optional<Organization> org =
                    t.organizationId() == null ? Optional.empty() : organizations.find(t.organizationId());
            return org.map(o -> switch (parts[2]) {
                        case "name" -> o.name();
                        case "external_id" -> o.externalId();
                        case "details" -> o.details();
                        case "notes" -> o.notes();
                        default -> "";
                    })
                    .orElse("");
        } else {
            return "";
        }
        return user.map(u -> switch (attribute) {
                    case "name" -> u.name();
                    case "first_name" -> u.name().split(" ", 2)[0];
                    case "last_name" -> u.name().contains(" ") ? u.name().split(" ", 2)[1] : "";
                    case "email" -> u.email();
                    case "id" -> String.valueOf(u.id());
                    case "external_id" -> u.externalId();
                    case "phone" -> u.phone();
                    case "details" -> u.details();
                    case "notes" -> u.notes();
                    case "language" -> u.locale();
                    default -> "";
                })
                .orElse("");
    }

    private static String title(String value) {
        return value == null || value.isEmpty()
                ? ""
                : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }

    /** Zendesk's names of channels, as {@code {{ticket.via}}} shows them. */
    private static String viaTitle(String channel) {
        return switch (channel == null ? "" : channel) {
            case "web" -> "Web Form";
            case "api" -> "Web Service";
            case "email" -> "Mail";
            case "rule" -> "Rule";
            default -> title(channel);
        };
    }
}
