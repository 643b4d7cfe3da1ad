package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.jobstatus.JobHandler;
import io.deskbridge.desk.jobstatus.JobResult;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.ticket.TicketInput;
import io.deskbridge.desk.ticket.TicketWrite;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v2/imports/tickets/create_many} (admins): up to 100 historical tickets as one job,
 * each written by {@code Tickets.importTicket} (no webhooks, triggers or notifications; see ticket/).
 */
@RestController
class TicketImportManyController {

    static final String IMPORT_MANY = "ticket.import_many";

    private final JobStatuses jobs;

    TicketImportManyController(JobStatuses jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/imports/tickets/create_many")
    JobStatusJson.Envelope importMany(
            @RequestBody JsonNode body,
            @RequestParam(name = "archive_immediately", defaultValue = "false") boolean archiveImmediately,
            @AuthenticationPrincipal DeskPrincipal caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins import tickets");
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : BulkRequests.items(body, "tickets")) {
            if (archiveImmediately && item.isObject()) {
                ObjectNode copy = ((ObjectNode) item).deepCopy();
                copy.put("archive_immediately", true);
                items.add(copy);
            } else {
                items.add(item);
            }
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return new JobStatusJson.Envelope(JobStatusJson.of(jobs.enqueue(caller, IMPORT_MANY, "tickets", items), base));
    }

    /** The item work of an import job. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler ticketImportMany(Tickets tickets) {
            return JobHandler.of(IMPORT_MANY, "create", (actor, index, item) -> {
                if (item == null || !item.isObject()) {
                    throw Input.invalid("base", "each item must be a JSON object");
                }
                Input in = Input.of(item);
                TicketWrite write =
                        tickets.importTicket(actor, TicketInput.changes(in), TicketInput.history(in, false));
                return JobResult.created(index, write.ticket().id());
            });
        }
    }
}
