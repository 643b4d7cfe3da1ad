package io.deskbridge.desk.ticket;

import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.Users;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every ticket's metric events in export order — time (whole seconds), then id — read from the audits
 * that cause them ({@link TicketMetricEvents}); nothing is stored, so the events always agree with the
 * tickets' history and with their metric sets.
 */
@Service
public class TicketMetricEventLog {

    /** Audits read per round trip; each round also reads the full history of the tickets they touch. */
    static final int CHUNK = 200;

    private final TicketRepository repository;
    private final Users users;

    TicketMetricEventLog(TicketRepository repository, Users users) {
        this.repository = repository;
        this.users = users;
    }

    /**
     * At most {@code limit} events strictly after the position ({@code second}, {@code afterId}) and no
     * later than {@code maxSecond}, in (second, id) order.
     *
     * @param excludeDeleted leave out the events of deleted tickets ({@code exclude_deleted=true})
     */
    @Transactional(readOnly = true)
    public List<TicketMetricEventJson> after(
            long second, long afterId, long maxSecond, int limit, boolean excludeDeleted) {
        List<TicketMetricEventJson> found = new ArrayList<>();
        if (second > maxSecond) {
            return found;
        }
        Instant until = Instant.ofEpochSecond(maxSecond).plusSeconds(1);
        Instant at = Instant.ofEpochSecond(second);
        long auditId = -1;
        while (true) {
            List<TicketAudit> chunk = new ArrayList<>(repository.auditsAfterPosition(at, auditId, until, CHUNK));
            if (chunk.isEmpty()) {
                break;
            }
            boolean more = chunk.size() == CHUNK;
            TicketAudit last = chunk.get(chunk.size() - 1);
            if (more) {
                // Finish the last audit's second, so no event of that second is left for a later round.
                Instant endOfSecond = Instant.ofEpochSecond(last.createdAt().getEpochSecond() + 1);
                chunk.addAll(repository.auditsAfterPosition(
                        last.createdAt(),
                        last.id(),
                        endOfSecond.isBefore(until) ? endOfSecond : until,
                        Integer.MAX_VALUE));
                last = chunk.get(chunk.size() - 1);
            }
            for (TicketMetricEventJson event : eventsOf(chunk, excludeDeleted)) {
                long eventSecond = event.time().getEpochSecond();
                if (eventSecond > second || (eventSecond == second && event.id() > afterId)) {
                    found.add(event);
                }
            }
            if (found.size() >= limit || !more) {
                break;
            }
            at = last.createdAt();
            auditId = last.id();
        }
        found.sort(
                Comparator.comparingLong((TicketMetricEventJson e) -> e.time().getEpochSecond())
                        .thenComparingLong(TicketMetricEventJson::id));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** The events the given audits cause, each ticket's full history read to know its state before them. */
    private List<TicketMetricEventJson> eventsOf(List<TicketAudit> audits, boolean excludeDeleted) {
        Set<Long> auditIds = new HashSet<>();
        Set<Long> ticketIds = new HashSet<>();
        audits.forEach(a -> {
            auditIds.add(a.id());
            ticketIds.add(a.ticketId());
        });
        if (excludeDeleted) {
            ticketIds.removeAll(repository.deletedAmong(ticketIds));
        }
        Map<Long, List<TicketAudit>> byTicket = new LinkedHashMap<>();
        for (TicketAudit audit : repository.auditsOf(ticketIds)) {
            byTicket.computeIfAbsent(audit.ticketId(), k -> new ArrayList<>()).add(audit);
        }
        Set<Long> authors = new HashSet<>();
        byTicket.values()
                .forEach(list -> list.forEach(a -> a.events().stream()
                        .filter(e -> e instanceof AuditEvent.Comment)
                        .forEach(e -> authors.add(((AuditEvent.Comment) e).authorId()))));
        Set<Long> agents = new HashSet<>();
        users.findAll(authors).stream().filter(u -> u.role() != Role.END_USER).forEach(u -> agents.add(u.id()));
        List<TicketMetricEventJson> events = new ArrayList<>();
        for (List<TicketAudit> history : byTicket.values()) {
            for (TicketMetricEventJson event : TicketMetricEvents.of(history, agents::contains)) {
                if (auditIds.contains(event.id() / TicketMetricEventJson.PER_AUDIT)) {
                    events.add(event);
                }
            }
        }
        return events;
    }
}
