package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.jobstatus.JobHandler;
import io.deskbridge.desk.jobstatus.JobResult;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.ticket.TicketInput;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zendesk's "create ticket asynchronously": {@code POST /api/v2/tickets?async=true} (zendesk-java-client's
 * {@code queueCreateTicketAsync}) answers 202 with the id the ticket will have and a queued {@code
 * job_status}; a one-item job creates the ticket under that id, as the single create would.
 *
 * <p>Decisions. Zendesk's guide ("Improving performance by creating tickets asynchronously") says
 * the answer holds "the id of the ticket to be created as well as a job_status object" and nothing
 * else of the ticket, and that the ticket cannot be read until the job is done: desk answers {@code
 * {"ticket": {"id"}, "job_status": {...}}} with 202 and reserves the id (see {@code
 * Tickets.reserveId}). The OpenAPI document does not describe {@code async} at all. The body's
 * shape and fields are read before queueing (a 400/422 queues nothing); what depends on the
 * account's state (requester, group...) is checked by the job, whose failed item names the id. The
 * job's result is Zendesk's create result, {@code {"index": 0, "id"}}.
 */
@RestController
class TicketAsyncCreateController {

    static final String CREATE_ASYNC = "ticket.create_async";

    private final JobStatuses jobs;
    private final Tickets tickets;

    TicketAsyncCreateController(JobStatuses jobs, Tickets tickets) {
        this.jobs = jobs;
        this.tickets = tickets;
    }

    /** The ticket to be: only its id. */
    record ReservedTicket(long id) {}

    record AsyncCreated(ReservedTicket ticket, JobStatusJson jobStatus) {}

    @PostMapping(path = "/api/v2/tickets", params = "async=true")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AsyncCreated create(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        TicketInput.changes(Input.envelope(body, "ticket"));
        long id = tickets.reserveId();
        ObjectNode item = ((ObjectNode) body.get("ticket")).deepCopy();
        item.put("id", id);
        JobStatusJson.Envelope queued = BulkRequests.queue(jobs, caller, CREATE_ASYNC, "tickets", List.of(item));
        return new AsyncCreated(new ReservedTicket(id), queued.jobStatus());
    }

    /** The item work of the job. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler ticketCreateAsync(Tickets tickets) {
            return JobHandler.of(CREATE_ASYNC, "create", (actor, index, item) -> {
                long id = BulkRequests.id(item, "the reserved ticket");
                ObjectNode fields = ((ObjectNode) item).deepCopy();
                fields.remove("id");
                tickets.createReserved(actor, id, TicketInput.changes(Input.of(fields)));
                return JobResult.created(index, id);
            });
        }
    }
}
