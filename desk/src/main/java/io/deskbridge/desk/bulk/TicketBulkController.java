package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.jobstatus.JobHandler;
import io.deskbridge.desk.jobstatus.JobResult;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.ticket.TicketInput;
import io.deskbridge.desk.ticket.TicketWrite;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's bulk ticket calls, each answered at once with a queued {@code job_status}: {@code
 * create_many} ({@code {"tickets": [...]}}), {@code update_many} ({@code ?ids=} with one {@code
 * ticket} for all, or {@code {"tickets": [{"id", ...}]}} one change per ticket) and {@code
 * destroy_many?ids=}. Every item goes through {@link Tickets} as its single-ticket call does.
 */
@RestController
class TicketBulkController {

    static final String CREATE_MANY = "ticket.create_many";
    static final String UPDATE_MANY = "ticket.update_many";
    static final String DESTROY_MANY = "ticket.destroy_many";

    private final JobStatuses jobs;

    TicketBulkController(JobStatuses jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/tickets/create_many")
    JobStatusJson.Envelope createMany(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return BulkRequests.queue(jobs, caller, CREATE_MANY, "tickets", BulkRequests.items(body, "tickets"));
    }

    @PutMapping("/api/v2/tickets/update_many")
    JobStatusJson.Envelope updateMany(
            @RequestParam(required = false) String ids,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        if (ids == null) {
            return BulkRequests.queue(jobs, caller, UPDATE_MANY, "tickets", BulkRequests.items(body, "tickets"));
        }
        Input.envelope(body, "ticket");
        return BulkRequests.queue(
                jobs,
                caller,
                UPDATE_MANY,
                "tickets",
                BulkRequests.withIds(IdList.parse(ids, Integer.MAX_VALUE), body.get("ticket")));
    }

    @DeleteMapping("/api/v2/tickets/destroy_many")
    JobStatusJson.Envelope destroyMany(@RequestParam String ids, @AuthenticationPrincipal DeskPrincipal caller) {
        return BulkRequests.queue(
                jobs, caller, DESTROY_MANY, "ids", BulkRequests.withIds(IdList.parse(ids, Integer.MAX_VALUE), null));
    }

    /** The item work of the three ticket jobs. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler ticketCreateMany(Tickets tickets) {
            return JobHandler.of(CREATE_MANY, "create", (actor, index, item) -> {
                TicketWrite write = tickets.create(actor, TicketInput.changes(BulkRequests.object(item)));
                return JobResult.created(index, write.ticket().id());
            });
        }

        @Bean
        JobHandler ticketUpdateMany(Tickets tickets) {
            return JobHandler.of(UPDATE_MANY, "update", (actor, index, item) -> {
                long id = BulkRequests.id(item, "a ticket");
                tickets.update(actor, id, TicketInput.changes(BulkRequests.object(item)));
                return JobResult.updated(id);
            });
        }

        @Bean
        JobHandler ticketDestroyMany(Tickets tickets) {
            return JobHandler.of(DESTROY_MANY, "delete", (actor, index, item) -> {
                long id = BulkRequests.id(item, "a ticket");
                tickets.delete(actor, id);
                return JobResult.deleted(id);
            });
        }
    }
}
