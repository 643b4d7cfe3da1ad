package io.deskbridge.desk.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketChanges;
import io.deskbridge.desk.ticket.TicketComment;
import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.ticket.Via;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/requests}: tickets as their requesters see them (see package-info). */
@RestController
class RequestController {

    private static final Map<String, KeysetSort.Kind> SORTS = Map.of(
            "id", KeysetSort.Kind.ID,
            "created_at", KeysetSort.Kind.TIMESTAMP,
            "updated_at", KeysetSort.Kind.TIMESTAMP);
    private static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
    private static final List<String> OPEN = List.of("new", "open", "pending", "hold");
    private static final List<String> SOLVED = List.of("solved", "closed");
    /** Writable request fields Zendesk documents that desk does not apply yet: refused, never dropped. */
    private static final List<String> NOT_YET = List.of(
            "collaborators",
            "email_ccs",
            "custom_fields",
            "fields",
            "ticket_form_id",
            "recipient",
            "custom_status_id",
            "additional_collaborators",
            "requester",
            "uploads");

    private final Tickets tickets;
    private final Pager pager;
    private final ListPages pages;

    RequestController(Tickets tickets, Pager pager, ListPages pages) {
        this.tickets = tickets;
        this.pager = pager;
        this.pages = pages;
    }

    record RequestEnvelope(RequestJson request) {}

    record RequestsResponse(
            List<RequestJson> requests, @JsonUnwrapped Paging paging) {}

    /** {@code TicketCommentObject} as a requester sees it. */
    record RequestCommentJson(
            long id,
            String type,
            long requestId,
            long authorId,
            String body,
            String htmlBody,
            String plainBody,
            @JsonProperty("public") boolean isPublic,
            List<Object> attachments,
            Via via,
            Instant createdAt) {}

    record RequestCommentEnvelope(RequestCommentJson comment) {}

    @GetMapping("/api/v2/requests")
    RequestsResponse list(
            @RequestParam(required = false) String status,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest request) {
        List<TicketFilter.Criterion> criteria = new ArrayList<>();
        criteria.add(new TicketFilter.UserIs(TicketFilter.UserField.REQUESTER, caller.userId()));
        if (status != null) {
            criteria.add(new TicketFilter.StatusIn(statuses(status)));
        }
        return listOf(request, criteria);
    }

    @GetMapping("/api/v2/requests/open")
    RequestsResponse open(@AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest request) {
        return listOf(
                request,
                List.of(
                        new TicketFilter.UserIs(TicketFilter.UserField.REQUESTER, caller.userId()),
                        new TicketFilter.StatusIn(OPEN)));
    }

    @GetMapping("/api/v2/requests/solved")
    RequestsResponse solved(@AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest request) {
        return listOf(
                request,
                List.of(
                        new TicketFilter.UserIs(TicketFilter.UserField.REQUESTER, caller.userId()),
                        new TicketFilter.StatusIn(SOLVED)));
    }

    @GetMapping("/api/v2/requests/ccd")
    RequestsResponse ccd(@AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest request) {
        return listOf(request, List.of(new TicketFilter.CollaboratorIs(caller.userId())));
    }

    @GetMapping("/api/v2/requests/{id}")
    RequestEnvelope show(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        return new RequestEnvelope(RequestJson.of(visible(id, caller), base()));
    }

    @PostMapping("/api/v2/requests")
    ResponseEntity<RequestEnvelope> create(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        Input in = Input.envelope(body, "request");
        refuseNotYet(in);
        for (String field : List.of("priority", "type", "due_at", "status")) {
            if (in.has(field)) {
                throw Input.invalid(
                        field,
                        "is not editable by requesters in desk; agents set it on the ticket (PUT /api/v2/tickets/{id})");
            }
        }
        Input comment = in.child("comment").orElseThrow(() -> Input.blank("comment"));
        String subject = in.string("subject", 255)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> Input.blank("subject"));
        TicketChanges changes = TicketChanges.none()
                .withSubject(subject)
                .withComment(new TicketChanges.NewComment(
                        comment.string("body", 65535).orElse(null),
                        comment.string("html_body", 65535).orElse(null),
                        true,
                        caller.userId()));
        Ticket created = tickets.create(caller, changes).ticket();
        return ResponseEntity.status(HttpStatus.CREATED).body(new RequestEnvelope(RequestJson.of(created, base())));
    }

    @PutMapping("/api/v2/requests/{id}")
    RequestEnvelope update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        Ticket current = visible(id, caller);
        Input in = Input.envelope(body, "request");
        refuseNotYet(in);
        for (String field : List.of("subject", "priority", "type", "due_at", "status")) {
            if (in.has(field)) {
                throw Input.invalid(field, "cannot be changed through a request; agents change it on the ticket");
            }
        }
        TicketChanges changes = TicketChanges.none();
        Optional<Input> comment = in.child("comment");
        if (comment.isPresent()) {
            changes = changes.withComment(new TicketChanges.NewComment(
                    comment.get().string("body", 65535).orElse(null),
                    comment.get().string("html_body", 65535).orElse(null),
                    true,
                    caller.userId()));
        }
        if (in.bool("solved").orElse(false)) {
            if (!RequestJson.canBeSolved(current)) {
                throw new RecordInvalidException(
                        "solved",
                        "InvalidValue",
                        "Solved: request " + id + " cannot be solved by its requester (status " + current.status()
                                + (current.assigneeId() == null ? ", no assignee yet" : "") + ")");
            }
            changes = changes.withStatus("solved");
        }
        Ticket updated = tickets.update(caller, id, changes).ticket();
        return new RequestEnvelope(RequestJson.of(updated, base()));
    }

    @GetMapping("/api/v2/requests/{id}/comments")
    ListPage<RequestCommentJson> comments(
            @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller, HttpServletRequest request) {
        Ticket ticket = visible(id, caller);
        List<RequestCommentJson> all = comments(ticket, caller);
        return pages.inMemory("comments", request, all, c -> List.of(0L, c.id()));
    }

    @GetMapping("/api/v2/requests/{id}/comments/{commentId}")
    RequestCommentEnvelope comment(
            @PathVariable long id, @PathVariable long commentId, @AuthenticationPrincipal DeskPrincipal caller) {
        Ticket ticket = visible(id, caller);
        return comments(ticket, caller).stream()
                .filter(c -> c.id() == commentId)
                .findFirst()
                .map(RequestCommentEnvelope::new)
                .orElseThrow(() -> new RecordNotFoundException("No comment " + commentId + " on request " + id));
    }

    private List<RequestCommentJson> comments(Ticket ticket, DeskPrincipal caller) {
        int count = (int) Math.min(Integer.MAX_VALUE, tickets.countComments(ticket.id()));
        List<TicketComment> all =
                tickets.comments(ticket.id(), PageQuery.offset(KeysetSort.byId(false), 0, Math.max(1, count)));
        boolean endUser = caller.role() == Role.END_USER;
        return all.stream()
                .filter(c -> c.isPublic() || !endUser)
                .map(c -> new RequestCommentJson(
                        c.id(),
                        "Comment",
                        ticket.id(),
                        c.authorId(),
                        c.body(),
                        c.htmlBody(),
                        c.plainBody(),
                        c.isPublic(),
                        List.of(),
                        Via.of(c.viaChannel()),
                        c.createdAt()))
                .toList();
    }

    /** The ticket, if the caller may see it as a request; 404 otherwise, as Zendesk hides it. */
    private Ticket visible(long id, DeskPrincipal caller) {
        Ticket ticket;
        try {
            ticket = tickets.get(id);
        } catch (RecordNotFoundException e) {
            throw new RecordNotFoundException("No request with id " + id);
        }
        boolean own = ticket.requesterId() == caller.userId()
                || ticket.collaboratorIds().contains(caller.userId());
        if (ticket.deleted() || (caller.role() == Role.END_USER && !own)) {
            throw new RecordNotFoundException("No request with id " + id);
        }
        return ticket;
    }

    private RequestsResponse listOf(HttpServletRequest request, List<TicketFilter.Criterion> criteria) {
        TicketFilter filter = TicketFilter.live(criteria);
        String base = base();
        Page<RequestJson> page = pager.page(
                        "requests",
                        request,
                        SORTS,
                        "created_at",
                        new Pager.Source<Ticket>() {
                            @Override
                            public long count() {
                                return tickets.count(filter);
                            }

                            @Override
                            public List<Ticket> fetch(PageQuery query) {
                                return tickets.page(filter, query);
                            }
                        },
                        Ticket::id,
                        (t, column) -> column.equals("updated_at") ? t.updatedAt() : t.createdAt())
                .map(t -> RequestJson.of(t, base));
        return new RequestsResponse(page.items(), page.paging());
    }

    private static List<String> statuses(String status) {
        List<String> wanted = Arrays.stream(status.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        for (String s : wanted) {
            if (!STATUSES.contains(s)) {
                throw new BadRequestException(
                        "InvalidParameter",
                        "status must be among " + String.join(", ", STATUSES) + " (got \"" + s + "\")");
            }
        }
        return wanted;
    }

    private static void refuseNotYet(Input in) {
        for (String field : NOT_YET) {
            if (in.has(field)) {
                throw Input.invalid(field, "is not supported on requests by desk yet; use the Tickets API");
            }
        }
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
