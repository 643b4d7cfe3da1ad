package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.businesshours.Schedule;
import io.deskbridge.desk.businesshours.Schedules;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.ticket.AuditEvent;
import io.deskbridge.desk.ticket.RuleEdit;
import io.deskbridge.desk.ticket.RuleNotification;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketAudit;
import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.ticket.Via;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Runs the automations once an hour (see package-info): every active automation, in position
 * order, over every ticket that is not closed; where its conditions hold and it has not fired on the
 * ticket since they last failed, its actions update the ticket (via {@code rule}, an audit authored
 * by desk) and the firing is recorded in the same transaction; where they fail, the record goes (the
 * nullifying condition). Each firing is its own transaction, so a failure on one ticket leaves the
 * others done.
 */
@Component
class AutomationRunner {

    private static final Logger log = LoggerFactory.getLogger(AutomationRunner.class);
    private static final int PAGE = 200;

    private final BusinessRuleRepository rules;
    private final AutomationRepository firings;
    private final Tickets tickets;
    private final RuleSideEffects sideEffects;
    private final TransactionTemplate transactions;
    private final Schedules schedules;
    private final Clock clock;
    private final String instance = "desk-" + UUID.randomUUID();

    AutomationRunner(
            BusinessRuleRepository rules,
            AutomationRepository firings,
            Tickets tickets,
            RuleSideEffects sideEffects,
            TransactionTemplate transactions,
            Schedules schedules,
            Clock clock) {
        this.rules = rules;
        this.schedules = schedules;
        this.firings = firings;
        this.tickets = tickets;
        this.sideEffects = sideEffects;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${desk.rules.automation-poll-interval}",
            initialDelayString = "${desk.rules.automation-poll-interval}")
    void poll() {
        try {
            runIfDue();
        } catch (RuntimeException e) {
            // The database blipped; the hour stays claimed, the next hour runs again.
            log.warn("The hourly automation run failed: {}", e.getMessage());
        }
    }

    /**
     * Runs this hour's automations unless an instance already did (the hour is claimed in
     * {@code automation_runs}); answers how many times automations fired, or -1 when not due.
     */
    int runIfDue() {
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if (!firings.claimHour(hour, instance, now)) {
            return -1;
        }
        int fired = runAll();
        firings.finishHour(hour, fired, clock.instant());
        return fired;
    }

    /** One pass of every active automation over every open ticket; answers the firings. */
    int runAll() {
        List<BusinessRule> automations = rules.active(RuleKind.AUTOMATION);
        if (automations.isEmpty()) {
            return 0;
        }
        TicketFilter notClosed = TicketFilter.live(
                List.of(new TicketFilter.StatusIn(List.of("new", "open", "pending", "hold", "solved"))));
        // Business hours are the default schedule's: desk sets no schedule per ticket, and Zendesk
        // counts a ticket without one on the account's default (its first schedule). With no schedule
        // at all (Zendesk then offers no business-hours condition) they count calendar hours.
        Optional<Schedule> schedule = schedules.all().stream().findFirst();
        int fired = 0;
        long after = 0;
        while (true) {
            List<Ticket> page = tickets.page(
                    notClosed,
                    new PageQuery(KeysetSort.byId(false), KeysetSort.Direction.FORWARD, List.of(after), 0, PAGE));
            for (Ticket ticket : page) {
                fired += runOn(ticket, automations, schedule);
            }
            if (page.size() < PAGE) {
                return fired;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private int runOn(Ticket first, List<BusinessRule> automations, Optional<Schedule> schedule) {
        int fired = 0;
        Ticket ticket = first;
        for (BusinessRule automation : automations) {
            if ("closed".equals(ticket.status())) {
                break;
            }
            RuleTicket view = view(ticket, schedule);
            if (!RuleConditions.matches(automation.conditions(), view)) {
                firings.nullify(automation.id(), ticket.id());
                continue;
            }
            if (firings.hasFired(automation.id(), ticket.id())) {
                continue;
            }
            Ticket current = ticket;
            Ticket after = transactions.execute(tx -> fire(automation, current, view));
            ticket = after == null ? ticket : after;
            fired++;
        }
        return fired;
    }

    private Ticket fire(BusinessRule automation, Ticket ticket, RuleTicket view) {
        Via via = Via.rule("automation", automation.id(), automation.title());
        RuleActions.Effects effects = new RuleActions.Effects();
        RuleActions.apply(automation.actions(), view, via, effects, sideEffects::userExists, sideEffects::groupExists);
        RuleEdit edit = view.edit();
        List<RuleNotification> notes = sideEffects.carryOut(
                effects, ticket.withRuleEdit(edit, ticket.updatedAt(), ticket.generatedTimestamp()), null);
        firings.recordFiring(automation.id(), ticket.id(), clock.instant());
        return tickets.applyAutomation(ticket.id(), edit, via, notes).orElse(null);
    }

    /** The ticket as an automation sees it: no write in progress, and the hours since its milestones. */
    private RuleTicket view(Ticket ticket, Optional<Schedule> schedule) {
        Instant now = clock.instant();
        List<TicketAudit>[] audits = new List[1];
        RuleTicket.Clockwork hours = (milestone, businessHours) -> {
            Instant at = switch (milestone) {
                case "created" -> ticket.createdAt();
                case "updated" -> ticket.updatedAt();
                case "due_date" -> ticket.dueAt();
                default -> {
                    if (audits[0] == null) {
                        audits[0] = tickets.audits(ticket.id());
                    }
                    yield lastTime(audits[0], ticket, milestone);
                }
            };
            if (at == null || at.isAfter(now)) {
                return -1;
            }
            return businessHours && schedule.isPresent()
                    ? schedule.get().openSecondsBetween(at, now) / 3600
                    : Duration.between(at, now).toHours();
        };
        return new RuleTicket(ticket, ticket, null, null, "rule", null, hours);
    }

    /**
     * When the milestone last happened, from the audits: {@code new}, {@code open}, {@code pending},
     * {@code hold}, {@code solved}, {@code closed} (the status last became it), {@code assigned}
     * (an assignee was last set), {@code requester_updated} / {@code assignee_updated} (their last
     * audit). Null when it never happened or desk does not know the milestone.
     */
    private static Instant lastTime(List<TicketAudit> audits, Ticket ticket, String milestone) {
        Predicate<TicketAudit> happened = switch (milestone) {
            case "new", "open", "pending", "hold", "solved", "closed" -> a -> sets(a, "status", milestone);
            case "assigned" ->
                a -> a.events().stream()
                        .anyMatch(e -> value(e, "assignee_id") != null
                                && !value(e, "assignee_id").isNull());
            case "requester_updated" -> a -> Objects.equals(a.authorId(), ticket.requesterId());
            case "assignee_updated" ->
                a -> ticket.assigneeId() != null && Objects.equals(a.authorId(), ticket.assigneeId());
            default -> a -> false;
        };
        Instant last = null;
        for (TicketAudit audit : audits) {
            if (happened.test(audit)) {
                last = audit.createdAt();
            }
        }
        return last;
    }

    private static boolean sets(TicketAudit audit, String field, String value) {
        return audit.events().stream().anyMatch(e -> {
            JsonNode v = value(e, field);
            return v != null && value.equals(v.asString(""));
        });
    }

    private static JsonNode value(AuditEvent e, String field) {
        if (e instanceof AuditEvent.Create c && c.fieldName().equals(field)) {
            return c.value();
        }
        if (e instanceof AuditEvent.Change c && c.fieldName().equals(field)) {
            return c.value();
        }
        return null;
    }
}
