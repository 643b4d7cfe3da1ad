package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.jobstatus.JobHandler;
import io.deskbridge.desk.jobstatus.JobResult;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.organizationmembership.OrganizationMembership;
import io.deskbridge.desk.organizationmembership.OrganizationMemberships;
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
 * Zendesk's bulk organization-membership calls, answered with a queued {@code job_status}:
 * {@code create_many} ({@code {"organization_memberships": [{"user_id", "organization_id"}]}}) and
 * {@code destroy_many?ids=}. Each item goes through {@link OrganizationMemberships} with the single
 * call's rules (admins; agents for end users; the first membership is the default; a duplicate or
 * the 300th membership fails that item with the single call's error).
 */
@RestController
class OrganizationMembershipBulkController {

    static final String CREATE_MANY = "organization_membership.create_many";
    static final String DESTROY_MANY = "organization_membership.destroy_many";

    private final JobStatuses jobs;

    OrganizationMembershipBulkController(JobStatuses jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/organization_memberships/create_many")
    JobStatusJson.Envelope createMany(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return BulkRequests.queue(
                jobs,
                caller,
                CREATE_MANY,
                "organization_memberships",
                BulkRequests.items(body, "organization_memberships"));
    }

    @DeleteMapping("/api/v2/organization_memberships/destroy_many")
    JobStatusJson.Envelope destroyMany(@RequestParam String ids, @AuthenticationPrincipal DeskPrincipal caller) {
        return BulkRequests.queue(
                jobs, caller, DESTROY_MANY, "ids", BulkRequests.withIds(IdList.parse(ids, Integer.MAX_VALUE), null));
    }

    /** The item work of the two membership jobs. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler organizationMembershipCreateMany(OrganizationMemberships memberships) {
            return JobHandler.of(CREATE_MANY, "create", (actor, index, item) -> {
                Input in = BulkRequests.object(item);
                OrganizationMembership created = memberships.create(
                        actor,
                        in.id("user_id").orElse(null),
                        OrganizationMemberships.UserFrom.BODY,
                        in.id("organization_id").orElse(null));
                return JobResult.created(index, created.id());
            });
        }

        @Bean
        JobHandler organizationMembershipDestroyMany(OrganizationMemberships memberships) {
            return JobHandler.of(DESTROY_MANY, "delete", (actor, index, item) -> {
                long id = BulkRequests.id(item, "an organization membership");
                memberships.delete(actor, id, null);
                return JobResult.deleted(id);
            });
        }
    }
}
