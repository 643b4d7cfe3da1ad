package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.user.DeskPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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

    /**
     * Zendesk's {@code ?ids=} or {@code ?external_ids=} (exactly one): one item per value, {@code change}
     * (or an empty object) with that {@code id} or {@code external_id}. Decision: an {@code external_id}
     * in the shared change is overwritten by each item's own (one value cannot go to several records).
     */
    static List<JsonNode> withIdsOrExternalIds(String ids, String externalIds, JsonNode change) {
        if ((ids == null) == (externalIds == null)) {
            throw new BadRequestException(
                    "InvalidParameter",
                    ids == null
                            ? "Send the records to change as ids=1,2,3 or external_ids=a,b,c"
                            : "Send either ids or external_ids, not both");
        }
        if (ids != null) {
            return withIds(IdList.parse(ids, Integer.MAX_VALUE), change);
        }
        List<JsonNode> items = new ArrayList<>();
        for (String part : externalIds.split(",")) {
            String externalId = part.trim();
            if (externalId.isEmpty()) {
                continue;
            }
            ObjectNode item = change == null ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) change).deepCopy();
            item.remove("id");
            item.put("external_id", externalId);
            items.add(item);
        }
        return items;
    }

    /**
     * The record an item names: its {@code id}, else the record with its {@code external_id} ({@code
     * byExternalId}, which throws the capability's 404 when there is none); a 422 when it names neither.
     */
    static long idOrExternalId(JsonNode item, String what, Function<String, Long> byExternalId) {
        Input in = object(item);
        Optional<Long> id = in.id("id");
        if (id.isPresent()) {
            return id.get();
        }
        JsonNode externalId = item.get("external_id");
        if (externalId == null
                || !externalId.isString()
                || externalId.asString().isBlank()) {
            throw Input.invalid("id", "each item needs the id or the external_id of " + what);
        }
        return byExternalId.apply(externalId.asString());
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
