package io.deskbridge.desk.skip;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.PageRequest;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketJson;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.UserNotFoundException;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** Ticket skips: see the package documentation. */
@RestController
class SkipController {

    private final Skips skips;
    private final Tickets tickets;
    private final Users users;
    private final Pager pager;

    SkipController(Skips skips, Tickets tickets, Users users, Pager pager) {
        this.skips = skips;
        this.tickets = tickets;
        this.users = users;
        this.pager = pager;
    }

    /** {@code TicketSkipObject}. */
    record SkipJson(
            long id,
            long ticketId,
            long userId,
            String reason,
            Instant createdAt,
            Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) TicketJson ticket) {}

    record SkipsResponse(
            List<SkipJson> skips, @JsonUnwrapped Paging paging) {}

    record SkipResponse(SkipJson skip) {}

    @GetMapping("/api/v2/skips")
    SkipsResponse list(@AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest request) {
        return listOf(new SkipRepository.Filter(caller.isAdmin() ? null : caller.userId(), null), request);
    }

    @GetMapping("/api/v2/tickets/{ticketId}/skips")
    SkipsResponse ofTicket(
            @PathVariable long ticketId, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest request) {
        tickets.get(ticketId);
        return listOf(new SkipRepository.Filter(caller.isAdmin() ? null : caller.userId(), ticketId), request);
    }

    @GetMapping("/api/v2/users/{userId}/skips")
    SkipsResponse ofUser(
            @PathVariable long userId, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest request) {
        users.findById(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
        if (!caller.isAdmin() && caller.userId() != userId) {
            throw new ForbiddenException("Agents read their own skips only");
        }
        return listOf(new SkipRepository.Filter(userId, null), request);
    }

    /** Records a skip by the caller: {@code {"skip": {"ticket_id": 123, "reason": "..."}}}. */
    @PostMapping("/api/v2/skips")
    ResponseEntity<SkipResponse> create(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        Input in = Input.envelope(body, "skip");
        TicketSkip skip = skips.record(
                caller.userId(),
                in.id("ticket_id").orElse(null),
                in.string("reason", Skips.MAX_REASON).orElse(null));
        String base = base();
        Ticket ticket = tickets.get(skip.ticketId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new SkipResponse(json(skip, TicketJson.of(ticket, base))));
    }

    private SkipsResponse listOf(SkipRepository.Filter filter, HttpServletRequest request) {
        KeysetSort sort = KeysetSort.byId(descending(request));
        PageRequest page = PageRequest.from(request);
        Page<TicketSkip> rows;
        if (page instanceof PageRequest.Cursor cursor) {
            rows = pager.cursorPage(
                    "skips", sort, cursor, q -> skips.page(filter, q), s -> sort.keyOf(null, s.id()), request);
        } else {
            PageRequest.Offset offset = (PageRequest.Offset) page;
            rows = new Page<>(
                    skips.page(filter, PageQuery.offset(sort, offset.offset(), offset.perPage())),
                    Pager.offsetPaging(skips.count(filter), offset, request));
        }
        String base = base();
        Map<Long, TicketJson> ticketsById =
                tickets
                        .findAll(rows.items().stream()
                                .map(TicketSkip::ticketId)
                                .distinct()
                                .toList())
                        .stream()
                        .filter(t -> !t.deleted())
                        .collect(Collectors.toMap(Ticket::id, t -> TicketJson.of(t, base), (a, b) -> a));
        Function<TicketSkip, SkipJson> toJson = s -> json(s, ticketsById.get(s.ticketId()));
        return new SkipsResponse(rows.items().stream().map(toJson).toList(), rows.paging());
    }

    /** Zendesk's {@code sort_order}: asc (the default) or desc. */
    private static boolean descending(HttpServletRequest request) {
        String order = request.getParameter("sort_order");
        if (order == null || order.isBlank() || order.equalsIgnoreCase("asc")) {
            return false;
        }
        if (order.equalsIgnoreCase("desc")) {
            return true;
        }
        throw new BadRequestException("InvalidParameter", "sort_order must be asc or desc (got \"" + order + "\")");
    }

    private static SkipJson json(TicketSkip s, TicketJson ticket) {
        return new SkipJson(s.id(), s.ticketId(), s.userId(), s.reason(), s.createdAt(), s.updatedAt(), ticket);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
