package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.user.DeskPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What the bulk controllers and their item handlers share: reading the items, queueing the job. */
final class BulkRequests {

    private BulkRequests() {}

    /** Queues the job and answers Zendesk's {@code {"job_status": ...}}. */
    static JobStatusJson.Envelope queue(
            JobStatuses jobs, DeskPrincipal caller, String type, String what, List<JsonNode> items) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return new JobStatusJson.Envelope(JobStatusJson.of(jobs.enqueue(caller, type, what, items), base));
    }

    /** The body's {@code key} array, one item per element; a 400 naming the key otherwise. */
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

    /** One item per id: {@code change} (or an empty object) with that id. */
    static List<JsonNode> withIds(List<Long> ids, JsonNode change) {
        List<JsonNode> items = new ArrayList<>();
        for (long id : ids) {
            ObjectNode item = change == null ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) change).deepCopy();
            item.put("id", id);
            items.add(item);
        }
        return items;
    }

    /** An item as {@link Input}; a 422 when it is not a JSON object. */
    static Input object(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw Input.invalid("base", "each item must be a JSON object");
        }
        return Input.of(item);
    }

    /** An item's {@code id}; a 422 naming what it should identify when absent. */
    static long id(JsonNode item, String what) {
        return object(item).id("id").orElseThrow(() -> Input.invalid("id", "each item needs the id of " + what));
    }
}
