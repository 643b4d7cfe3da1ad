package io.deskbridge.desk.related;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.organization.Organization;
import io.deskbridge.desk.organization.OrganizationJson;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.organizationmembership.OrganizationMemberships;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserNotFoundException;
import io.deskbridge.desk.user.Users;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Related counts of users and organizations, and a user's organizations (see package-info). */
@RestController
class RelatedController {

    private final Users users;
    private final Organizations organizations;
    private final Tickets tickets;
    private final OrganizationMemberships memberships;

    RelatedController(Users users, Organizations organizations, Tickets tickets, OrganizationMemberships memberships) {
        this.users = users;
        this.organizations = organizations;
        this.tickets = tickets;
        this.memberships = memberships;
    }

    /** {@code UserRelatedObject}. */
    record UserRelatedJson(
            long assignedTickets, long requestedTickets, long ccdTickets, long organizationSubscriptions) {}

    record UserRelatedResponse(UserRelatedJson userRelated) {}

    /** {@code OrganizationMetadataObject}. */
    record OrganizationRelatedJson(long ticketsCount, long usersCount) {}

    record OrganizationRelatedResponse(OrganizationRelatedJson organizationRelated) {}

    record OrganizationsResponse(
            List<OrganizationJson> organizations,
            @JsonUnwrapped Paging paging) {}

    @GetMapping("/api/v2/users/{id}/related")
    UserRelatedResponse userRelated(@PathVariable long id) {
        UserAccount user = user(id);
        return new UserRelatedResponse(new UserRelatedJson(
                countTickets(new TicketFilter.UserIs(TicketFilter.UserField.ASSIGNEE, user.id())),
                countTickets(new TicketFilter.UserIs(TicketFilter.UserField.REQUESTER, user.id())),
                countTickets(new TicketFilter.CollaboratorIs(user.id())),
                0));
    }

    @GetMapping("/api/v2/organizations/{id}/related")
    OrganizationRelatedResponse organizationRelated(@PathVariable long id) {
        long organizationId = organizations.get(id).id();
        return new OrganizationRelatedResponse(new OrganizationRelatedJson(
                countTickets(new TicketFilter.OrganizationIs(organizationId)),
                memberships.countMembers(organizationId)));
    }

    @GetMapping("/api/v2/users/{id}/organizations")
    OrganizationsResponse userOrganizations(@PathVariable long id) {
        UserAccount user = user(id);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<Long> ids = memberships.organizationIdsOf(user.id());
        Map<Long, Organization> byId =
                organizations.findAll(ids).stream().collect(Collectors.toMap(Organization::id, Function.identity()));
        List<OrganizationJson> found = ids.stream()
                .filter(byId::containsKey)
                .map(orgId -> OrganizationJson.of(byId.get(orgId), base))
                .toList();
        return new OrganizationsResponse(found, new Paging.Offset(null, null, found.size()));
    }

    private UserAccount user(long id) {
        return users.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
    }

    private long countTickets(TicketFilter.Criterion criterion) {
        return tickets.count(TicketFilter.live(List.of(criterion)));
    }
}
