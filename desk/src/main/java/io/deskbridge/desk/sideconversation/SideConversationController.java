package io.deskbridge.desk.sideconversation;

import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.ticket.Tickets;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v2/tickets/{ticket_id}/side_conversations}, which Airbyte's side_conversations
 * stream reads for every ticket. Decision: desk does not model side conversations (no email/Slack
 * threads beside a ticket), so a live ticket has none: the list is always empty, in Zendesk's shape
 * ({@code side_conversations}, {@code next_page}, {@code previous_page}, {@code count}, or
 * {@code meta}/{@code links} with {@code page[size]}); a missing ticket is a 404, and so is any one
 * side conversation. Creating them is not served.
 */
@RestController
class SideConversationController {

    /** Nothing is ever listed; the type only names the wire shape's element. */
    record SideConversationJson(String id) {}

    private final Tickets tickets;
    private final ListPages pages;

    SideConversationController(Tickets tickets, ListPages pages) {
        this.tickets = tickets;
        this.pages = pages;
    }

    @GetMapping("/api/v2/tickets/{ticketId}/side_conversations")
    ListPage<SideConversationJson> list(@PathVariable long ticketId, HttpServletRequest request) {
        tickets.get(ticketId);
        return pages.inMemory("side_conversations", request, List.<SideConversationJson>of(), s -> List.of(0L, 0L));
    }

    @GetMapping("/api/v2/tickets/{ticketId}/side_conversations/{id}")
    ListPage<SideConversationJson> show(@PathVariable long ticketId, @PathVariable String id) {
        tickets.get(ticketId);
        throw new RecordNotFoundException("No side conversation " + id + " on ticket " + ticketId);
    }
}
