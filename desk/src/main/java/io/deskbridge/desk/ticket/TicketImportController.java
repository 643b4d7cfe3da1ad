package io.deskbridge.desk.ticket;

import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.ticket.TicketChanges.NewComment;
import io.deskbridge.desk.user.DeskPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's ticket import (admins only): {@code POST /api/v2/imports/tickets} writes one historical
 * ticket at once (201 {@code {"ticket"}}); {@code /imports/tickets/create_many} (bulk/) queues up to
 * 100 as a job. Both take {@code created_at}, {@code updated_at}, {@code solved_at}, {@code comments} (each with
 * {@code author_id}, {@code created_at}, {@code body}/{@code value}/{@code html_body}, {@code public})
 * and {@code ?archive_immediately=true}; see {@link Tickets#importTicket}.
 */
@RestController
class TicketImportController {

    private final Tickets tickets;

    TicketImportController(Tickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/api/v2/imports/tickets")
    ResponseEntity<TicketController.TicketResponse> importOne(
            @RequestBody JsonNode body,
            @RequestParam(name = "archive_immediately", defaultValue = "false") boolean archiveImmediately,
            @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "ticket");
        TicketWrite write = tickets.importTicket(caller, TicketController.changes(in), history(in, archiveImmediately));
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", base + "/api/v2/tickets/" + write.ticket().id() + ".json")
                .body(new TicketController.TicketResponse(TicketJson.of(write.ticket(), base), null, null, null));
    }

    private static void requireAdmin(DeskPrincipal caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins import tickets");
        }
    }

    static TicketImport history(Input in, boolean archiveImmediately) {
        List<TicketImport.ImportedComment> comments = new ArrayList<>();
        JsonNode node = in.raw("comments");
        if (node != null && !node.isNull()) {
            if (!node.isArray()) {
                throw Input.invalid("comments", "must be a list of {author_id, body or html_body, created_at}");
            }
            for (JsonNode item : node) {
                if (!item.isObject()) {
                    throw Input.invalid("comments", "must be a list of {author_id, body or html_body, created_at}");
                }
                Input c = Input.of(item);
                String body = c.string("body", 65_000)
                        .or(() -> c.string("value", 65_000))
                        .orElse(null);
                comments.add(new TicketImport.ImportedComment(
                        new NewComment(
                                body,
                                c.string("html_body", 65_000).orElse(null),
                                c.bool("public").orElse(null),
                                c.id("author_id").orElse(null)),
                        c.instant("created_at").orElse(null)));
            }
        }
        return new TicketImport(
                in.instant("created_at").orElse(null),
                in.instant("updated_at").orElse(null),
                in.instant("solved_at").orElse(null),
                comments,
                archiveImmediately || in.bool("archive_immediately").orElse(false));
    }
}
