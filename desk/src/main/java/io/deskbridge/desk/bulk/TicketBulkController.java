package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.BadRequestException;
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
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
        return queue(caller, CREATE_MANY, items(body, "tickets"));
    }

    @PutMapping("/api/v2/tickets/update_many")
    JobStatusJson.Envelope updateMany(
            @RequestParam(required = false) String ids,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        if (ids == null) {
            return queue(caller, UPDATE_MANY, items(body, "tickets"));
        }
        Input.envelope(body, "ticket");
        return queue(caller, UPDATE_MANY, withIds(IdList.parse(ids, Integer.MAX_VALUE), body.get("ticket")));
    }

    @DeleteMapping("/api/v2/tickets/destroy_many")
    JobStatusJson.Envelope destroyMany(@RequestParam String ids, @AuthenticationPrincipal DeskPrincipal caller) {
        return queue(caller, DESTROY_MANY, withIds(IdList.parse(ids, Integer.MAX_VALUE), null));
    }

    private JobStatusJson.Envelope queue(DeskPrincipal caller, String type, List<JsonNode> items) {
        String what = type.equals(CREATE_MANY) || type.equals(UPDATE_MANY) ? "tickets" : "ids";
        return new JobStatusJson.Envelope(JobStatusJson.of(jobs.enqueue(caller, type, what, items), base()));
    }

    /** The objects of the body's {@code key} array; 400 when there is none. */
    static List<JsonNode> items(JsonNode body, String key) {
        JsonNode array = body == null ? null : body.get(key);
        if (array == null || !array.isArray()) {
            throw new BadRequestException(
                    "InvalidRequest", "The request body must be a JSON object with a \"" + key + "\" array");
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** One item per id: {@code {"id": id}} plus the shared change's fields. */
    static List<JsonNode> withIds(List<Long> ids, JsonNode change) {
        List<JsonNode> items = new ArrayList<>();
        for (long id : ids) {
            ObjectNode item = change == null
                    ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    : ((ObjectNode) change).deepCopy();
            item.put("id", id);
            items.add(item);
        }
        return items;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
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
