package io.deskbridge.desk.organization;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.CountJson;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/organizations}: agents read, admins write (enforced in the security rules). */
@RestController
class OrganizationController {

    private static final Map<String, KeysetSort.Kind> SORTS = Map.of(
            "id", KeysetSort.Kind.ID,
            "created_at", KeysetSort.Kind.TIMESTAMP,
            "updated_at", KeysetSort.Kind.TIMESTAMP);

    private final Organizations organizations;
    private final Pager pager;
    private final Clock clock;

    OrganizationController(Organizations organizations, Pager pager, Clock clock) {
        this.organizations = organizations;
        this.pager = pager;
        this.clock = clock;
    }

    @GetMapping("/api/v2/organizations/count")
    CountJson count() {
        return CountJson.of(
                organizations.count(OrganizationFilter.ALL), clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    record OrganizationResponse(OrganizationJson organization) {}

    record OrganizationsResponse(
            List<OrganizationJson> organizations,
            @JsonUnwrapped Paging paging) {}

    @GetMapping("/api/v2/organizations")
    OrganizationsResponse list(HttpServletRequest request) {
        String base = base();
        Page<OrganizationJson> page = pager.page(
                        "organizations",
                        request,
                        SORTS,
                        "id",
                        new Pager.Source<Organization>() {
                            @Override
                            public long count() {
                                return organizations.count(OrganizationFilter.ALL);
                            }

                            @Override
                            public List<Organization> fetch(PageQuery query) {
                                return organizations.page(OrganizationFilter.ALL, query);
                            }
                        },
                        Organization::id,
                        (o, column) -> column.equals("created_at") ? o.createdAt() : o.updatedAt())
                .map(o -> OrganizationJson.of(o, base));
        return new OrganizationsResponse(page.items(), page.paging());
    }

    @GetMapping("/api/v2/organizations/{id}")
    OrganizationResponse show(@PathVariable long id) {
        return new OrganizationResponse(OrganizationJson.of(organizations.get(id), base()));
    }

    @PostMapping("/api/v2/organizations")
    ResponseEntity<OrganizationResponse> create(@RequestBody JsonNode body) {
        Organization created = organizations.create(changes(Input.envelope(body, "organization")));
        String base = base();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", base + "/api/v2/organizations/" + created.id() + ".json")
                .body(new OrganizationResponse(OrganizationJson.of(created, base)));
    }

    @PutMapping("/api/v2/organizations/{id}")
    OrganizationResponse update(@PathVariable long id, @RequestBody JsonNode body) {
        Organization updated = organizations.update(id, changes(Input.envelope(body, "organization")));
        return new OrganizationResponse(OrganizationJson.of(updated, base()));
    }

    @DeleteMapping("/api/v2/organizations/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        organizations.delete(id);
        return ResponseEntity.noContent().build();
    }

    static OrganizationChanges changes(Input in) {
        return OrganizationInput.changes(in);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
