package io.deskbridge.desk.bulk;

import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.jobstatus.JobHandler;
import io.deskbridge.desk.jobstatus.JobResult;
import io.deskbridge.desk.jobstatus.JobStatusJson;
import io.deskbridge.desk.jobstatus.JobStatuses;
import io.deskbridge.desk.organization.Organization;
import io.deskbridge.desk.organization.OrganizationInput;
import io.deskbridge.desk.organization.OrganizationNotFoundException;
import io.deskbridge.desk.organization.Organizations;
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
 * Zendesk's bulk organization calls, each answered with a queued {@code job_status}:
 * {@code create_many}, {@code update_many} ({@code ?ids=} with one {@code organization}, or
 * {@code {"organizations": [{"id"|"external_id", ...}]}}), {@code destroy_many?ids=}, and both with
 * {@code ?external_ids=} instead of ids (node-zendesk's {@code bulkDeleteByExternalId}; an unknown
 * external id fails its item with a 404's error). Admins only, as the single
 * calls (the HTTP layer refuses others; each item checks again, since the job runs later).
 */
@RestController
class OrganizationBulkController {

    static final String CREATE_MANY = "organization.create_many";
    static final String UPDATE_MANY = "organization.update_many";
    static final String DESTROY_MANY = "organization.destroy_many";

    private final JobStatuses jobs;

    OrganizationBulkController(JobStatuses jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v2/organizations/create_many")
    JobStatusJson.Envelope createMany(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        return BulkRequests.queue(
                jobs, caller, CREATE_MANY, "organizations", BulkRequests.items(body, "organizations"));
    }

    @PutMapping("/api/v2/organizations/update_many")
    JobStatusJson.Envelope updateMany(
            @RequestParam(required = false) String ids,
            @RequestParam(name = "external_ids", required = false) String externalIds,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        if (ids == null && externalIds == null) {
            return BulkRequests.queue(
                    jobs, caller, UPDATE_MANY, "organizations", BulkRequests.items(body, "organizations"));
        }
        Input.envelope(body, "organization");
        return BulkRequests.queue(
                jobs,
                caller,
                UPDATE_MANY,
                "organizations",
                BulkRequests.withIdsOrExternalIds(ids, externalIds, body.get("organization")));
    }

    @DeleteMapping("/api/v2/organizations/destroy_many")
    JobStatusJson.Envelope destroyMany(
            @RequestParam(required = false) String ids,
            @RequestParam(name = "external_ids", required = false) String externalIds,
            @AuthenticationPrincipal DeskPrincipal caller) {
        return BulkRequests.queue(
                jobs,
                caller,
                DESTROY_MANY,
                ids == null ? "external_ids" : "ids",
                BulkRequests.withIdsOrExternalIds(ids, externalIds, null));
    }

    /** The item work of the three organization jobs. */
    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        JobHandler organizationCreateMany(Organizations organizations) {
            return JobHandler.of(CREATE_MANY, "create", (actor, index, item) -> {
                requireAdmin(actor);
                Organization created = organizations.create(OrganizationInput.changes(BulkRequests.object(item)));
                return JobResult.created(index, created.id());
            });
        }

        @Bean
        JobHandler organizationUpdateMany(Organizations organizations) {
            return JobHandler.of(UPDATE_MANY, "update", (actor, index, item) -> {
                requireAdmin(actor);
                long id = organizationId(organizations, item);
                organizations.update(id, OrganizationInput.changes(BulkRequests.object(item)));
                return JobResult.updated(id);
            });
        }

        @Bean
        JobHandler organizationDestroyMany(Organizations organizations) {
            return JobHandler.of(DESTROY_MANY, "delete", (actor, index, item) -> {
                requireAdmin(actor);
                long id = organizationId(organizations, item);
                organizations.delete(id);
                return JobResult.deleted(id);
            });
        }

        private static long organizationId(Organizations organizations, JsonNode item) {
            return BulkRequests.idOrExternalId(
                    item,
                    "an organization",
                    externalId -> organizations
                            .findByExternalId(externalId)
                            .orElseThrow(() -> OrganizationNotFoundException.forExternalId(externalId))
                            .id());
        }

        private static void requireAdmin(DeskPrincipal actor) {
            if (!actor.isAdmin()) {
                throw new ForbiddenException("Only admins change organizations");
            }
        }
    }
}
