package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.jobstatus.JobHandler;
import io.deskbridge.desk.jobstatus.JobResult;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zendesk's permanent ticket deletes, each answered with a queued {@code job_status}: {@code DELETE
 * /api/v2/deleted_tickets/{id}} and {@code /deleted_tickets/destroy_many?ids=} (zendesk-java-client's
 * {@code permanentlyDeleteTicket} and {@code permanentlyDeleteTickets}). Only soft-deleted tickets go;
 * in {@code destroy_many} a live or unknown id fails its item with a 404's error and the others go on, as
 * Zendesk documents
 * ("if one ticket fails to be deleted, the endpoint still attempts to delete the others").
 *
 * <p>Decision: Zendesk's job-status guide shows a permanent deletion's {@code results} as one object,
 * {@code {"success": true}}; desk answers the per-item array every other bulk job has ({@code {"id",
 * "action": "delete", "success", "status": "Deleted"}}). The OpenAPI document allows both, and
 * zendesk-java-client reads {@code results} as a list (an object fails its parse of the job status).
 */
@RestController
class DeletedTicketBulkController {

    static final String PURGE_MANY = "ticket.permanent_delete";

    private final JobStatuses jobs;
    private final Tickets tickets;

    DeletedTicketBulkController(JobStatuses jobs, Tickets tickets) {
        this.jobs = jobs;
        this.tickets = tickets;
    }

    /**
     * Decision: one id that is not a soft-deleted ticket gets Zendesk's 404 {@code RecordNotFound} at once
     * and queues nothing (as the single calls on a missing record do); a job is queued only for a ticket
     * it can delete (the job still re-checks, in case it was restored meanwhile).
     */
    @DeleteMapping("/api/v2/deleted_tickets/{id}")
    JobStatusJson.Envelope destroy(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        tickets.requireDeleted(id);
        return BulkRequests.queue(jobs, caller, PURGE_MANY, "ids", BulkRequests.withIds(List.of(id), null));
    }

    @DeleteMapping("/api/v2/deleted_tickets/destroy_many")
    JobStatusJson.Envelope destroyMany(@RequestParam String ids, @AuthenticationPrincipal DeskPrincipal caller) {
        return BulkRequests.queue(
                jobs, caller, PURGE_MANY, "ids", BulkRequests.withIds(IdList.parse(ids, Integer.MAX_VALUE), null));
    }

    /** The item work of the job. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler ticketPermanentDelete(Tickets tickets) {
            return JobHandler.of(PURGE_MANY, "delete", (actor, index, item) -> {
                long id = BulkRequests.id(item, "a deleted ticket");
                tickets.purge(id);
                return JobResult.deleted(id);
            });
        }
    }
}
