package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.user.DeskPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ticket's tags ({@code /api/v2/tickets/{id}/tags}): {@code GET} lists them, {@code POST} sets them
 * (replaces), {@code PUT} adds and {@code DELETE} removes, each answering the ticket's tags as
 * {@code {"tags": [...]}} (OAS {@code TagsByObjectIdResponse}). Each write is a ticket update through
 * {@link Tickets}, so it is audited, indexed and refused on a closed ticket like any other update.
 */
@RestController
class TicketTagController {

    record TagsResponse(List<String> tags) {}

    private final Tickets tickets;

    TicketTagController(Tickets tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/api/v2/tickets/{id}/tags")
    TagsResponse list(@PathVariable long id) {
        return new TagsResponse(tickets.get(id).tags());
    }

    /** 201, as Zendesk's OAS documents for setting tags. */
    @PostMapping("/api/v2/tickets/{id}/tags")
    ResponseEntity<TagsResponse> set(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(write(caller, id, "tags", tags(body)));
    }

    @PutMapping("/api/v2/tickets/{id}/tags")
    TagsResponse add(@PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return write(caller, id, "additional_tags", tags(body));
    }

    @DeleteMapping("/api/v2/tickets/{id}/tags")
    TagsResponse remove(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return write(caller, id, "remove_tags", tags(body));
    }

    private static List<String> tags(JsonNode body) {
        return Input.of(body).tags("tags").orElseThrow(() -> Input.blank("tags"));
    }

    /**
     * The write as the ticket update API would read it ({@code tags}, {@code additional_tags} or
     * {@code remove_tags} of a ticket), so it goes through the same parsing and rules.
     */
    private TagsResponse write(DeskPrincipal caller, long id, String field, List<String> tags) {
        ObjectNode ticket = JsonNodeFactory.instance.objectNode();
        tags.forEach(ticket.putArray(field)::add);
        TicketChanges changes = TicketController.changes(Input.of(ticket));
        return new TagsResponse(tickets.update(caller, id, changes).ticket().tags());
    }
}
