package io.deskbridge.desk.suspendedticket;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketChanges;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Messages held back, and what agents do with them (see package-info). */
@Service
public class SuspendedTickets {

    private final SuspendedTicketRepository repository;
    private final Tickets tickets;
    private final Users users;
    private final Clock clock;

    SuspendedTickets(SuspendedTicketRepository repository, Tickets tickets, Users users, Clock clock) {
        this.repository = repository;
        this.tickets = tickets;
        this.users = users;
        this.clock = clock;
    }

    /** A message an incoming channel holds back instead of making a ticket of it. */
    public record Suspension(
            String subject,
            String content,
            String authorName,
            String authorEmail,
            String recipient,
            SuspensionCause cause) {}

    /** Holds a message back; the author is linked when a user has that email. */
    @Transactional
    public SuspendedTicket suspend(Suspension s) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Long authorId = users.findByEmail(s.authorEmail()).map(UserAccount::id).orElse(null);
        long id = repository.insert(new SuspendedTicket(
                0,
                s.subject(),
                s.content(),
                authorId,
                s.authorName(),
                s.authorEmail(),
                s.recipient(),
                s.cause().label(),
                s.cause().id(),
                null,
                null,
                null,
                "email",
                now,
                now));
        return get(id);
    }

    @Transactional(readOnly = true)
    List<SuspendedTicket> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    SuspendedTicket get(long id) {
        return repository.find(id).orElseThrow(() -> new RecordNotFoundException("No suspended ticket with id " + id));
    }

    @Transactional
    void delete(long id) {
        get(id);
        repository.delete(List.of(id));
    }

    /** Deletes those of {@code ids} that exist. */
    @Transactional
    void deleteAll(Collection<Long> ids) {
        repository.delete(ids);
    }

    /** Makes a ticket of it on behalf of its author, then forgets it. */
    @Transactional
    Ticket recover(DeskPrincipal caller, long id) {
        return recover(caller, get(id));
    }

    /** Recovers those of {@code ids} that exist, oldest id first. */
    @Transactional
    List<Ticket> recoverAll(DeskPrincipal caller, Collection<Long> ids) {
        List<Ticket> recovered = new ArrayList<>();
        for (SuspendedTicket s : repository.findAll(ids)) {
            recovered.add(recover(caller, s));
        }
        return recovered;
    }

    private Ticket recover(DeskPrincipal caller, SuspendedTicket s) {
        UserAccount author = s.authorId() != null
                ? users.findById(s.authorId())
                        .orElseGet(() -> users.findOrCreateEndUser(s.authorName(), s.authorEmail()))
                : users.findOrCreateEndUser(s.authorName(), s.authorEmail());
        if (s.content().isBlank()) {
            throw Input.blank("content");
        }
        TicketChanges changes = TicketChanges.none()
                .withSubject(s.subject())
                .withRequester(new TicketChanges.Requester(author.id(), null, null))
                .withComment(new TicketChanges.NewComment(s.content(), null, true, author.id()));
        Ticket ticket = tickets.create(caller, changes).ticket();
        repository.delete(List.of(s.id()));
        return ticket;
    }
}
