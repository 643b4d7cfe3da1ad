package io.deskbridge.desk.skip;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.ticket.Tickets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and lists ticket skips. */
@Service
class Skips {

    static final int MAX_REASON = 4000;

    private final SkipRepository repository;
    private final Tickets tickets;
    private final Clock clock;

    Skips(SkipRepository repository, Tickets tickets, Clock clock) {
        this.repository = repository;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** A skip of a live ticket by {@code userId}; the reason is required, as Zendesk's agent workspace asks it. */
    @Transactional
    TicketSkip record(long userId, Long ticketId, String reason) {
        if (ticketId == null) {
            throw Input.blank("ticket_id");
        }
        if (reason == null || reason.isBlank()) {
            throw Input.blank("reason");
        }
        if (reason.length() > MAX_REASON) {
            throw Input.invalid("reason", "is longer than " + MAX_REASON + " characters");
        }
        tickets.get(ticketId);
        long id = repository.insert(
                userId, ticketId, reason.strip(), Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
        return repository.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    List<TicketSkip> page(SkipRepository.Filter filter, PageQuery page) {
        return repository.page(filter, page);
    }

    @Transactional(readOnly = true)
    long count(SkipRepository.Filter filter) {
        return repository.count(filter);
    }
}
