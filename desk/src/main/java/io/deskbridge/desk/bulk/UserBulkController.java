package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.jobstatus.JobHandler;
import io.deskbridge.desk.jobstatus.JobResult;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserChanges;
import io.deskbridge.desk.user.UserInput;
import io.deskbridge.desk.user.UserNotFoundException;
import io.deskbridge.desk.user.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Zendesk's bulk user calls, each answered with a queued {@code job_status}: {@code create_many},
 * {@code create_or_update_many} (matched by email, then external_id), {@code update_many} ({@code ?ids=}
 * with one {@code user}, or {@code {"users": [{"id", ...}]}}) and {@code destroy_many?ids=} (admins).
 * Each item goes through {@link Users} with the single-user call's role rules.
 */
@RestController
class UserBulkController {

    static final String CREATE_MANY = "user.create_many";
    static final String CREATE_OR_UPDATE_MANY = "user.create_or_update_many";
    static final String UPDATE_MANY = "user.update_many";
    static final String DESTROY_MANY = "user.destroy_many";

    private final JobStatuses jobs;

    UserBulkController(JobStatuses jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/users/create_many")
    JobStatusJson.Envelope createMany(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return queue(caller, CREATE_MANY, "users", items(body, "users"));
    }

    @PostMapping("/api/v2/users/create_or_update_many")
    JobStatusJson.Envelope createOrUpdateMany(
            @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return queue(caller, CREATE_OR_UPDATE_MANY, "users", items(body, "users"));
    }

    @PutMapping("/api/v2/users/update_many")
    JobStatusJson.Envelope updateMany(
            @RequestParam(required = false) String ids,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        if (ids == null) {
            return queue(caller, UPDATE_MANY, "users", items(body, "users"));
        }
        Input.envelope(body, "user");
        return queue(caller, UPDATE_MANY, "users", withIds(IdList.parse(ids, Integer.MAX_VALUE), body.get("user")));
    }

    @DeleteMapping("/api/v2/users/destroy_many")
    JobStatusJson.Envelope destroyMany(@RequestParam String ids, @AuthenticationPrincipal DeskPrincipal caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins delete users");
        }
        return queue(caller, DESTROY_MANY, "ids", withIds(IdList.parse(ids, Integer.MAX_VALUE), null));
    }

    private JobStatusJson.Envelope queue(DeskPrincipal caller, String type, String what, List<JsonNode> items) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return new JobStatusJson.Envelope(JobStatusJson.of(jobs.enqueue(caller, type, what, items), base));
    }

    private static List<JsonNode> items(JsonNode body, String key) {
        JsonNode array = body == null ? null : body.get(key);
        if (array == null || !array.isArray()) {
            throw new BadRequestException(
                    "InvalidRequest", "The request body must be a JSON object with a \"" + key + "\" array");
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<JsonNode> withIds(List<Long> ids, JsonNode change) {
        List<JsonNode> items = new ArrayList<>();
        for (long id : ids) {
            ObjectNode item = change == null ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) change).deepCopy();
            item.put("id", id);
            items.add(item);
        }
        return items;
    }

    /** The item work of the four user jobs. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler userCreateMany(Users users) {
            return JobHandler.of(CREATE_MANY, "create", (actor, index, item) -> {
                UserChanges changes = UserInput.changes(object(item));
                UserInput.requireMayWrite(actor, changes.role().orElse(Role.END_USER), null);
                UserAccount created = users.create(changes);
                return JobResult.user(index, created.id(), true, created.email(), created.externalId());
            });
        }

        @Bean
        JobHandler userCreateOrUpdateMany(Users users) {
            return JobHandler.of(CREATE_OR_UPDATE_MANY, "create_or_update", (actor, index, item) -> {
                UserChanges changes = UserInput.changes(object(item));
                Optional<UserAccount> existing = changes.email()
                        .flatMap(users::findByEmail)
                        .or(() -> changes.externalId().flatMap(users::findByExternalId));
                if (existing.isPresent()) {
                    UserInput.requireMayWrite(
                            actor, changes.role().orElse(existing.get().role()), existing.get());
                    UserAccount updated = users.update(existing.get().id(), changes);
                    return JobResult.user(index, updated.id(), false, updated.email(), updated.externalId());
                }
                UserInput.requireMayWrite(actor, changes.role().orElse(Role.END_USER), null);
                UserAccount created = users.create(changes);
                return JobResult.user(index, created.id(), true, created.email(), created.externalId());
            });
        }

        @Bean
        JobHandler userUpdateMany(Users users) {
            return JobHandler.of(UPDATE_MANY, "update", (actor, index, item) -> {
                long id = id(item);
                UserAccount current = users.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
                UserChanges changes = UserInput.changes(object(item));
                UserInput.requireMayWrite(actor, changes.role().orElse(current.role()), current);
                users.update(id, changes);
                return JobResult.updated(id);
            });
        }

        @Bean
        JobHandler userDestroyMany(Users users) {
            return JobHandler.of(DESTROY_MANY, "delete", (actor, index, item) -> {
                long id = id(item);
                if (!actor.isAdmin()) {
                    throw new ForbiddenException("Only admins delete users");
                }
                if (actor.userId() == id) {
                    throw Input.invalid("base", "you cannot delete yourself");
                }
                users.delete(id);
                return JobResult.deleted(id);
            });
        }

        private static Input object(JsonNode item) {
            if (item == null || !item.isObject()) {
                throw Input.invalid("base", "each item must be a JSON object");
            }
            return Input.of(item);
        }

        private static long id(JsonNode item) {
            return object(item).id("id").orElseThrow(() -> Input.invalid("id", "each item needs the id of a user"));
        }
    }
}
