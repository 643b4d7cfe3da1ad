package io.deskbridge.desk.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import tools.jackson.databind.JsonNode;

/**
 * A ticket's metric events ({@code /incremental/ticket_metric_events}) derived from its audits, in the
 * order they happened. Pure, so it is unit-tested without a database.
 *
 * <p>What desk emits (Zendesk's "Ticket metric event types reference"), every event at the time of the
 * audit that caused it:
 *
 * <ul>
 *   <li>On creation, {@code measure} (instance 0) for each metric, then {@code activate} (instance 1) of
 *       each metric that runs in the ticket's first status.
 *   <li>{@code agent_work_time} runs while the ticket is new or open; {@code requester_wait_time} while
 *       new, open or on hold; {@code pausable_update_time} while not pending: a status change that stops
 *       one {@code pause}s it, one that starts it again {@code activate}s the same instance.
 *   <li>A public comment by an agent (after the one that created the ticket) {@code fulfill}s
 *       {@code reply_time}, and {@code fulfill}s {@code periodic_update_time} and
 *       {@code pausable_update_time} and activates their next instance. A public comment by an end user
 *       after {@code reply_time} was fulfilled activates its next instance (next reply time).
 *   <li>Solving (or closing) {@code fulfill}s every open metric; reopening activates a new instance of
 *       the status metrics and of the update metrics.
 * </ul>
 *
 * Not emitted: {@code apply_sla}, {@code breach} and {@code update_status}, which Zendesk only sends for
 * tickets under an SLA policy: desk stores SLA policies but does not apply them to tickets yet.
 */
public final class TicketMetricEvents {

    static final String REPLY_TIME = "reply_time";
    static final String AGENT_WORK_TIME = "agent_work_time";
    static final String REQUESTER_WAIT_TIME = "requester_wait_time";
    static final String PAUSABLE_UPDATE_TIME = "pausable_update_time";
    static final String PERIODIC_UPDATE_TIME = "periodic_update_time";

    /** Zendesk's order of the metrics in a creation's events. */
    static final List<String> METRICS =
            List.of(AGENT_WORK_TIME, PAUSABLE_UPDATE_TIME, PERIODIC_UPDATE_TIME, REPLY_TIME, REQUESTER_WAIT_TIME);

    private TicketMetricEvents() {}

    /** One metric's current instance: whether it is open (activated, not fulfilled) and running. */
    private static final class Instance {
        long number;
        boolean open;
        boolean running;
    }

    /**
     * @param audits the ticket's audits in the order they happened (ascending id)
     * @param isAgent whether a user id is an agent or admin
     */
    public static List<TicketMetricEventJson> of(List<TicketAudit> audits, LongPredicate isAgent) {
        List<TicketMetricEventJson> out = new ArrayList<>();
        Map<String, Instance> metrics = new LinkedHashMap<>();
        METRICS.forEach(m -> metrics.put(m, new Instance()));
        String status = null;
        boolean first = true;
        for (TicketAudit audit : audits) {
            Emitter emit = new Emitter(audit, out);
            String next = status;
            List<AuditEvent.Comment> comments = new ArrayList<>();
            for (AuditEvent event : audit.events()) {
                if (event instanceof AuditEvent.Comment c) {
                    comments.add(c);
                } else if ("status".equals(fieldName(event))) {
                    JsonNode value = valueOf(event);
                    next = value == null || value.isNull() ? next : value.asString();
                }
            }
            if (first) {
                String initial = next == null ? "new" : next;
                METRICS.forEach(m -> emit.add(m, 0, "measure"));
                for (String m : METRICS) {
                    Instance instance = metrics.get(m);
                    instance.number = 1;
                    instance.open = true;
                    instance.running = runs(m, initial);
                    if (instance.running) {
                        emit.add(m, 1, "activate");
                    }
                }
                if (resolved(initial)) {
                    fulfillAll(metrics, emit);
                }
                status = initial;
                first = false;
                continue;
            }
            for (AuditEvent.Comment c : comments) {
                if (!c.isPublic()) {
                    continue;
                }
                if (isAgent.test(c.authorId())) {
                    fulfill(metrics.get(REPLY_TIME), REPLY_TIME, emit);
                    for (String m : List.of(PAUSABLE_UPDATE_TIME, PERIODIC_UPDATE_TIME)) {
                        Instance instance = metrics.get(m);
                        if (instance.open) {
                            fulfill(instance, m, emit);
                            if (!resolved(next)) {
                                start(instance, m, runs(m, status), emit);
                            }
                        }
                    }
                } else {
                    Instance reply = metrics.get(REPLY_TIME);
                    if (!reply.open && !resolved(next)) {
                        start(reply, REPLY_TIME, true, emit);
                    }
                }
            }
            if (next != null && !next.equals(status)) {
                if (resolved(next)) {
                    if (!resolved(status)) {
                        fulfillAll(metrics, emit);
                    }
                } else if (resolved(status)) {
                    for (String m : METRICS) {
                        if (!m.equals(REPLY_TIME)) {
                            start(metrics.get(m), m, runs(m, next), emit);
                        }
                    }
                } else {
                    for (String m : METRICS) {
                        Instance instance = metrics.get(m);
                        boolean runs = runs(m, next);
                        if (instance.open && instance.running != runs) {
                            instance.running = runs;
                            emit.add(m, instance.number, runs ? "activate" : "pause");
                        }
                    }
                }
                status = next;
            }
        }
        return out;
    }

    /** Whether a metric's clock runs while the ticket has this status. */
    static boolean runs(String metric, String status) {
        return switch (metric) {
            case AGENT_WORK_TIME -> "new".equals(status) || "open".equals(status);
            case REQUESTER_WAIT_TIME -> "new".equals(status) || "open".equals(status) || "hold".equals(status);
            case PAUSABLE_UPDATE_TIME -> !"pending".equals(status) && !resolved(status);
            default -> !resolved(status);
        };
    }

    /** A new instance; activated now if it runs, otherwise when the status lets it (pause is not sent). */
    private static void start(Instance instance, String metric, boolean running, Emitter emit) {
        instance.number++;
        instance.open = true;
        instance.running = running;
        if (running) {
            emit.add(metric, instance.number, "activate");
        }
    }

    private static void fulfill(Instance instance, String metric, Emitter emit) {
        if (instance.open) {
            instance.open = false;
            instance.running = false;
            emit.add(metric, instance.number, "fulfill");
        }
    }

    private static void fulfillAll(Map<String, Instance> metrics, Emitter emit) {
        metrics.forEach((m, instance) -> fulfill(instance, m, emit));
    }

    private static boolean resolved(String status) {
        return "solved".equals(status) || "closed".equals(status);
    }

    private static String fieldName(AuditEvent event) {
        if (event instanceof AuditEvent.Create c) {
            return c.fieldName();
        }
        return event instanceof AuditEvent.Change c ? c.fieldName() : null;
    }

    private static JsonNode valueOf(AuditEvent event) {
        if (event instanceof AuditEvent.Create c) {
            return c.value();
        }
        return event instanceof AuditEvent.Change c ? c.value() : null;
    }

    /** Numbers one audit's events: audit id × 64 + position. */
    private static final class Emitter {
        private final TicketAudit audit;
        private final List<TicketMetricEventJson> out;
        private int position;

        Emitter(TicketAudit audit, List<TicketMetricEventJson> out) {
            this.audit = audit;
            this.out = out;
        }

        void add(String metric, long instance, String type) {
            if (position >= TicketMetricEventJson.PER_AUDIT) {
                throw new IllegalStateException("audit " + audit.id() + " yields more than "
                        + TicketMetricEventJson.PER_AUDIT + " metric events");
            }
            Instant at = audit.createdAt();
            out.add(new TicketMetricEventJson(
                    audit.id() * TicketMetricEventJson.PER_AUDIT + position++,
                    audit.ticketId(),
                    metric,
                    instance,
                    type,
                    at));
        }
    }
}
