package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.groupmembership.GroupMembership;
import io.deskbridge.desk.groupmembership.GroupMemberships;
import io.deskbridge.desk.jobstatus.JobHandler;
import io.deskbridge.desk.jobstatus.JobResult;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.user.DeskPrincipal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk's bulk group-membership calls, answered with a queued {@code job_status}: {@code create_many}
 * ({@code {"group_memberships": [{"user_id", "group_id"}]}}) and {@code destroy_many?ids=}. Admins only,
 * as the single calls; each item goes through {@link GroupMemberships} with their rules (agents only,
 * the first membership is the default, a duplicate fails that item with the single call's 422).
 *
 * <p>Decision: Zendesk's {@code destroy_many} removes the memberships at once and queues only the
 * unassignment of tickets; desk unassigns nothing when a membership goes (neither does its single
 * delete), so the removal itself is the job's work and each id gets its own result.
 */
@RestController
class GroupMembershipBulkController {

    static final String CREATE_MANY = "group_membership.create_many";
    static final String DESTROY_MANY = "group_membership.destroy_many";

    private final JobStatuses jobs;

    GroupMembershipBulkController(JobStatuses jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/group_memberships/create_many")
    JobStatusJson.Envelope createMany(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        return BulkRequests.queue(
                jobs, caller, CREATE_MANY, "group_memberships", BulkRequests.items(body, "group_memberships"));
    }

    @DeleteMapping("/api/v2/group_memberships/destroy_many")
    JobStatusJson.Envelope destroyMany(@RequestParam String ids, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        return BulkRequests.queue(
                jobs, caller, DESTROY_MANY, "ids", BulkRequests.withIds(IdList.parse(ids, Integer.MAX_VALUE), null));
    }

    private static void requireAdmin(DeskPrincipal actor) {
        if (actor == null || !actor.isAdmin()) {
            throw new ForbiddenException("Only admins change group memberships");
        }
    }

    /** The item work of the two group-membership jobs. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler groupMembershipCreateMany(GroupMemberships memberships) {
            return JobHandler.of(CREATE_MANY, "create", (actor, index, item) -> {
                requireAdmin(actor);
                Input in = BulkRequests.object(item);
                GroupMembership created = memberships.create(
                        in.id("user_id").orElse(null), in.id("group_id").orElse(null));
                return JobResult.created(index, created.id());
            });
        }

        @Bean
        JobHandler groupMembershipDestroyMany(GroupMemberships memberships) {
            return JobHandler.of(DESTROY_MANY, "delete", (actor, index, item) -> {
                requireAdmin(actor);
                long id = BulkRequests.id(item, "a group membership");
                memberships.delete(id, null);
                return JobResult.deleted(id);
            });
        }
    }
}
