package io.deskbridge.sync.console;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.engine.SyncEngine;
import io.deskbridge.sync.engine.SyncedTicket;
import io.deskbridge.sync.engine.SyncedTicketsPage;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The data browser: a connection's synced tickets, searched by id or subject text, a page at a time,
 * and one ticket's stored JSON. Everything shown is data from Zendesk, so it is only ever written
 * as escaped text.
 */
@Controller
class TicketsPage {

    static final int PAGE_SIZE = 25;

    /** The largest page the engine serves, for finding one ticket in as few pages as possible. */
    static final int LOOKUP_PAGE_SIZE = 100;

    private final Connections connections;
    private final SyncEngine engine;
    private final ObjectMapper json;

    TicketsPage(Connections connections, SyncEngine engine, ObjectMapper json) {
        this.connections = connections;
        this.engine = engine;
        this.json = json;
    }

    @GetMapping("/connections/{id}/tickets")
    String list(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String query,
            @RequestParam(required = false) String after,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("connection", connections.get(id));
        model.addAttribute("query", query);
        model.addAttribute("after", after);
        try {
            SyncedTicketsPage page = engine.tickets(id, query.strip(), PAGE_SIZE, after);
            model.addAttribute("page", page);
            model.addAttribute(
                    "tickets", page.tickets().stream().map(TicketRow::of).toList());
        } catch (RecordInvalidException e) {
            // A cursor edited in the address bar: say so, show no tickets, keep the search box.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("tickets", List.of());
        }
        return "console/tickets";
    }

    @GetMapping("/connections/{id}/tickets/{ticketId}")
    String show(
            @PathVariable long id,
            @PathVariable long ticketId,
            Authentication authentication,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("connection", connections.get(id));
        Optional<SyncedTicket> ticket = find(id, ticketId);
        if (ticket.isEmpty()) {
            return ConsoleAdvice.missing(
                    "Connection " + id + " has no synced ticket " + ticketId, authentication, response, model);
        }
        model.addAttribute("ticket", TicketRow.of(ticket.get()));
        model.addAttribute("json", pretty(ticket.get().json()));
        return "console/ticket";
    }

    /**
     * The engine's facade finds tickets by a query only (an id or subject text, in id order), so one
     * ticket is looked up with its id as the query, reading pages until that id or a larger one.
     */
    private Optional<SyncedTicket> find(long connectionId, long ticketId) {
        if (ticketId <= 0) {
            return Optional.empty();
        }
        String after = null;
        do {
            SyncedTicketsPage page = engine.tickets(connectionId, Long.toString(ticketId), LOOKUP_PAGE_SIZE, after);
            for (SyncedTicket ticket : page.tickets()) {
                if (ticket.id() == ticketId) {
                    return Optional.of(ticket);
                }
                if (ticket.id() > ticketId) {
                    return Optional.empty();
                }
            }
            after = page.hasMore() ? page.afterCursor() : null;
        } while (after != null);
        return Optional.empty();
    }

    /** Indented for reading; stored text that is not JSON (it should always be) is shown as it is. */
    private String pretty(String stored) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(stored));
        } catch (JacksonException e) {
            return stored;
        }
    }

    /** A synced ticket as the browser's table shows it. */
    record TicketRow(long id, String subject, String status, java.time.Instant updatedAt, boolean deleted) {

        static TicketRow of(SyncedTicket ticket) {
            return new TicketRow(ticket.id(), ticket.subject(), ticket.status(), ticket.updatedAt(), ticket.deleted());
        }
    }
}
