package io.deskbridge.sync.context;

import io.deskbridge.sync.api.RecordInvalidException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ticket context and full-text search over a connection's synced data (no request to Zendesk). */
@RestController
@Tag(
        name = ContextController.TAG,
        description = "Ticket context and full-text search, served from sync's copy: no Zendesk request, no"
                + " rate-limit cost.")
class ContextController {

    static final String TAG = "Ticket context";
    static final String MARKDOWN = "text/markdown;charset=UTF-8";
    private static final String CONTEXT = "/api/connections/{id}/tickets/{ticketId}/context";

    private final TicketContexts contexts;

    ContextController(TicketContexts contexts) {
        this.contexts = contexts;
    }

    /** {@code {"context": {...}}}. */
    record ContextBody(TicketContext context) {}

    @GetMapping(CONTEXT)
    @Operation(
            summary = "Show a ticket's context",
            description = "The ticket, its whole comment thread oldest first (public and internal marked), requester,"
                    + " organization, assignee and group, the requester's and the organization's other tickets"
                    + " (open first, at most 20 each with the total), custom fields as stored, what is not synced,"
                    + " and how fresh the copy is. format=markdown answers the same as text/markdown.")
    @ApiResponse(responseCode = "200", description = "The context document")
    @ApiResponse(responseCode = "404", description = "No such connection, or no synced ticket with that id")
    @ApiResponse(responseCode = "422", description = "format is neither json nor markdown")
    ContextBody context(
            @PathVariable long id,
            @PathVariable long ticketId,
            @Parameter(description = "json (default) or markdown") @RequestParam(required = false) String format) {
        if (format != null && !format.equals("json")) {
            throw new RecordInvalidException(
                    "format", "InvalidValue", "Format must be json or markdown; it is \"" + format + "\"");
        }
        return new ContextBody(contexts.context(id, ticketId));
    }

    /**
     * No {@code produces} condition: under {@code /api} every request's {@code Accept} reads
     * {@code application/json} ({@code ApiMediaTypeFilter}), so the content type is set on the answer
     * itself, which Spring then writes as given.
     */
    @GetMapping(value = CONTEXT, params = "format=markdown")
    @Operation(hidden = true)
    ResponseEntity<byte[]> contextMarkdown(@PathVariable long id, @PathVariable long ticketId) {
        // Encoded once here: as a String answer, the converter encoded it twice (length, then body).
        byte[] body = ContextMarkdown.render(contexts.context(id, ticketId)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(MARKDOWN))
                .contentLength(body.length)
                .body(body);
    }

    @GetMapping("/api/connections/{id}/search")
    @Operation(
            summary = "Search synced tickets",
            description = "Tickets whose subject, description or comments contain every word of the query, best"
                    + " first (a word in the subject counts most), each with a snippet of where it matched."
                    + " PostgreSQL matches whole words (full-text index); H2 matches parts of words.")
    @ApiResponse(responseCode = "200", description = "The matching tickets, best first")
    @ApiResponse(responseCode = "404", description = "No such connection")
    @ApiResponse(responseCode = "422", description = "A blank query, more than 10 words, or a limit outside 1..100")
    TicketSearchResults search(
            @PathVariable long id,
            @Parameter(description = "The words to look for") @RequestParam(required = false) String query,
            @Parameter(description = "At most this many tickets, 1 to 100 (default 20)") @RequestParam(required = false)
                    Integer limit) {
        return contexts.search(id, query, limit);
    }

    @GetMapping("/api/connections/{id}/users/{userId}/tickets")
    @Operation(
            summary = "Show a requester's tickets",
            description = "The user as synced and the tickets they requested, open first, newest update first, at"
                    + " most limit of them with the total.")
    @ApiResponse(responseCode = "200", description = "The user and their tickets")
    @ApiResponse(
            responseCode = "404",
            description = "No such connection, or neither a synced user nor a ticket of theirs")
    @ApiResponse(responseCode = "422", description = "A limit outside 1..200")
    RequesterHistory requesterHistory(
            @PathVariable long id,
            @PathVariable long userId,
            @Parameter(description = "At most this many tickets, 1 to 200 (default 50)") @RequestParam(required = false)
                    Integer limit) {
        return contexts.requesterHistory(id, userId, limit);
    }
}
