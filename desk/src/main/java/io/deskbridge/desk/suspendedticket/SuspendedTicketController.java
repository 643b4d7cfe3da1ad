package io.deskbridge.desk.suspendedticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.ticket.TicketJson;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v2/suspended_tickets} (see package-info). */
@RestController
class SuspendedTicketController {

    static final int MAX_MANY = 100;

    private final SuspendedTickets suspended;
    private final ListPages pages;

    SuspendedTicketController(SuspendedTickets suspended, ListPages pages) {
        this.suspended = suspended;
        this.pages = pages;
    }

    /** {@code SuspendedTicketObject}. */
    record SuspendedTicketJson(
            String url,
            long id,
            AuthorJson author,
            String subject,
            String content,
            String cause,
            long causeId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String recipient,
            @JsonInclude(JsonInclude.Include.NON_NULL) String messageId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long brandId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long ticketId,
            List<Object> attachments,
            ViaJson via,
            Instant createdAt,
            Instant updatedAt) {}

    /** {@code AuthorObject}: the id only when the sender is a known user. */
    record AuthorJson(
            @JsonInclude(JsonInclude.Include.NON_NULL) Long id, String name, String email) {}

    record ViaJson(String channel) {}

    record SuspendedTicketEnvelope(SuspendedTicketJson suspendedTicket) {}

    record RecoveredEnvelope(List<TicketJson> ticket) {}

    record RecoveredManyEnvelope(List<TicketJson> tickets) {}

    @GetMapping("/api/v2/suspended_tickets")
    ListPage<SuspendedTicketJson> list(HttpServletRequest request) {
        String base = base();
        return pages.inMemory(
                        "suspended_tickets",
                        request,
                        suspended.all(),
                        s -> List.of(s.createdAt().getEpochSecond(), s.id()))
                .map(s -> json(s, base));
    }

    @GetMapping("/api/v2/suspended_tickets/{id}")
    SuspendedTicketEnvelope show(@PathVariable long id) {
        return new SuspendedTicketEnvelope(json(suspended.get(id), base()));
    }

    @DeleteMapping("/api/v2/suspended_tickets/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        suspended.delete(id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v2/suspended_tickets/destroy_many")
    ResponseEntity<Void> destroyMany(@RequestParam(required = false) String ids) {
        suspended.deleteAll(ids(ids));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v2/suspended_tickets/{id}/recover")
    RecoveredEnvelope recover(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        return new RecoveredEnvelope(List.of(TicketJson.of(suspended.recover(caller, id), base())));
    }

    @PutMapping("/api/v2/suspended_tickets/recover_many")
    RecoveredManyEnvelope recoverMany(
            @RequestParam(required = false) String ids, @AuthenticationPrincipal DeskPrincipal caller) {
        String base = base();
        return new RecoveredManyEnvelope(suspended.recoverAll(caller, ids(ids)).stream()
                .map(t -> TicketJson.of(t, base))
                .toList());
    }

    private static List<Long> ids(String ids) {
        if (ids == null || ids.isBlank()) {
            throw new BadRequestException("InvalidParameter", "Send ids: comma-separated suspended ticket ids");
        }
        return IdList.parse(ids, MAX_MANY);
    }

    private static SuspendedTicketJson json(SuspendedTicket s, String base) {
        return new SuspendedTicketJson(
                base + "/api/v2/suspended_tickets/" + s.id() + ".json",
                s.id(),
                new AuthorJson(s.authorId(), s.authorName(), s.authorEmail()),
                s.subject(),
                s.content(),
                s.cause(),
                s.causeId(),
                s.recipient(),
                s.messageId(),
                s.brandId(),
                s.ticketId(),
                List.of(),
                new ViaJson(s.viaChannel()),
                s.createdAt(),
                s.updatedAt());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
