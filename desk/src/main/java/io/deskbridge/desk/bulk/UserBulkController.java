package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.ForbiddenException;
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
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's bulk user calls, each answered with a queued {@code job_status}: {@code create_many},
 * {@code create_or_update_many} (matched by email, then external_id), {@code update_many} ({@code ?ids=}
 * or {@code ?external_ids=} with one {@code user}, or {@code {"users": [{"id"|"external_id", ...}]}}) and
 * {@code destroy_many?ids=} or {@code ?external_ids=} (admins), as Zendesk's OpenAPI document lists them.
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
        return BulkRequests.queue(jobs, caller, CREATE_MANY, "users", BulkRequests.items(body, "users"));
    }

    @PostMapping("/api/v2/users/create_or_update_many")
    JobStatusJson.Envelope createOrUpdateMany(
            @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return BulkRequests.queue(jobs, caller, CREATE_OR_UPDATE_MANY, "users", BulkRequests.items(body, "users"));
    }

    @PutMapping("/api/v2/users/update_many")
    JobStatusJson.Envelope updateMany(
            @RequestParam(required = false) String ids,
            @RequestParam(name = "external_ids", required = false) String externalIds,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        if (ids == null && externalIds == null) {
            return BulkRequests.queue(jobs, caller, UPDATE_MANY, "users", BulkRequests.items(body, "users"));
        }
        Input.envelope(body, "user");
        return BulkRequests.queue(
                jobs,
                caller,
                UPDATE_MANY,
                "users",
                BulkRequests.withIdsOrExternalIds(ids, externalIds, body.get("user")));
    }

    @DeleteMapping("/api/v2/users/destroy_many")
    JobStatusJson.Envelope destroyMany(
            @RequestParam(required = false) String ids,
            @RequestParam(name = "external_ids", required = false) String externalIds,
            @AuthenticationPrincipal DeskPrincipal caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins delete users");
        }
        return BulkRequests.queue(
                jobs,
                caller,
                DESTROY_MANY,
                ids == null ? "external_ids" : "ids",
                BulkRequests.withIdsOrExternalIds(ids, externalIds, null));
    }

    /** The item work of the four user jobs. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler userCreateMany(Users users) {
            return JobHandler.of(CREATE_MANY, "create", (actor, index, item) -> {
                UserChanges changes = UserInput.changes(BulkRequests.object(item));
                UserInput.requireMayWrite(actor, changes.role().orElse(Role.END_USER), null);
                UserAccount created = users.create(changes);
                return JobResult.user(index, created.id(), true, created.email(), created.externalId());
            });
        }

        @Bean
        JobHandler userCreateOrUpdateMany(Users users) {
            return JobHandler.of(CREATE_OR_UPDATE_MANY, "create_or_update", (actor, index, item) -> {
                UserChanges changes = UserInput.changes(BulkRequests.object(item));
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
                long id = userId(users, item);
                UserAccount current = users.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
                UserChanges changes = UserInput.changes(BulkRequests.object(item));
                UserInput.requireMayWrite(actor, changes.role().orElse(current.role()), current);
                users.update(id, changes);
                return JobResult.updated(id);
            });
        }

        @Bean
        JobHandler userDestroyMany(Users users) {
            return JobHandler.of(DESTROY_MANY, "delete", (actor, index, item) -> {
                long id = userId(users, item);
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

        private static long userId(Users users, JsonNode item) {
            return BulkRequests.idOrExternalId(
                    item,
                    "a user",
                    externalId -> users.findByExternalId(externalId)
                            .orElseThrow(() -> UserNotFoundException.forExternalId(externalId))
                            .id());
        }
    }
}
