package io.deskbridge.desk.activity;

import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketChanged;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes the activities a ticket change makes (see the package documentation). */
@Component
class ActivityRecorder {

    private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    private final ActivityRepository repository;
    private final Users users;

    ActivityRecorder(ActivityRepository repository, Users users) {
        this.repository = repository;
        this.users = users;
    }

    @EventListener
    void on(TicketChanged change) {
        if (change.imported()
                || (change.kind() != TicketChanged.Kind.CREATED && change.kind() != TicketChanged.Kind.UPDATED)) {
            return;
        }
        Ticket ticket = change.ticket();
        Long assignee = ticket.assigneeId();
        if (assignee == null || Objects.equals(assignee, change.actorId())) {
            return;
        }
        Ticket before = change.previous();
        String actor = actorName(change.actorId());
        if (before == null || !Objects.equals(before.assigneeId(), assignee)) {
            record(change, "tickets.assignment", actor + " assigned ticket #" + ticket.id() + " to you.", null, null);
        }
        if (before != null) {
            for (Map<String, Object> event : change.events()) {
                if ("Comment".equals(event.get("type"))) {
                    record(
                            change,
                            "tickets.comment",
                            actor + " commented on ticket #" + ticket.id() + ".",
                            Objects.toString(event.get("body"), ""),
                            !Boolean.FALSE.equals(event.get("public")));
                }
            }
            if (rank(ticket.priority()) > rank(before.priority())) {
                record(
                        change,
                        "tickets.priority_increase",
                        actor + " increased ticket #" + ticket.id() + "'s priority to " + ticket.priority() + ".",
                        null,
                        null);
            }
        }
    }

    /** A priority's place (none lowest); List.of(...).indexOf(null) would throw. */
    private static int rank(String priority) {
        return priority == null ? -1 : PRIORITIES.indexOf(priority);
    }

    private void record(TicketChanged change, String verb, String title, String comment, Boolean commentPublic) {
        Ticket ticket = change.ticket();
        repository.insert(new TicketActivity(
                0,
                ticket.assigneeId(),
                change.actorId(),
                verb,
                title,
                ticket.id(),
                ticket.subject(),
                comment,
                commentPublic,
                change.at().truncatedTo(ChronoUnit.SECONDS),
                change.at().truncatedTo(ChronoUnit.SECONDS)));
    }

    private String actorName(Long actorId) {
        return actorId == null
                ? "Zendesk"
                : users.findById(actorId).map(UserAccount::name).orElse("Someone");
    }
}
