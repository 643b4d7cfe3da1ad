package io.deskbridge.desk.organizationmembership;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.pagination.PageRequest;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** Organization memberships: agents and admins read; admins write, agents for end users only. */
@RestController
class OrganizationMembershipController {

    private static final String SCOPE = "organization_memberships:id";

    private final OrganizationMemberships memberships;
    private final ListPages pages;

    OrganizationMembershipController(OrganizationMemberships memberships, ListPages pages) {
        this.memberships = memberships;
        this.pages = pages;
    }

    /** {@code OrganizationMembershipObject}; {@code default} is true or null, never false, as Zendesk answers. */
    record OrganizationMembershipJson(
            String url,
            long id,
            long userId,
            long organizationId,
            String organizationName,
            @JsonProperty("default") Boolean isDefault,
            boolean viewTickets,
            Instant createdAt,
            Instant updatedAt) {}

    record OrganizationMembershipEnvelope(OrganizationMembershipJson organizationMembership) {}

    /** {@code make_default} answers the user's memberships, unpaginated. */
    record OrganizationMembershipList(List<OrganizationMembershipJson> organizationMemberships) {}

    @GetMapping("/api/v2/organization_memberships")
    ListPage<OrganizationMembershipJson> list(HttpServletRequest request) {
        return page(MembershipFilter.all(), request);
    }

    @GetMapping("/api/v2/users/{userId}/organization_memberships")
    ListPage<OrganizationMembershipJson> ofUser(@PathVariable long userId, HttpServletRequest request) {
        return page(new MembershipFilter(userId, null), request);
    }

    @GetMapping("/api/v2/organizations/{organizationId}/organization_memberships")
    ListPage<OrganizationMembershipJson> ofOrganization(@PathVariable long organizationId, HttpServletRequest request) {
        return page(new MembershipFilter(null, organizationId), request);
    }

    @GetMapping("/api/v2/organization_memberships/{id}")
    OrganizationMembershipEnvelope show(@PathVariable long id) {
        return new OrganizationMembershipEnvelope(json(memberships.get(id, null), base()));
    }

    @GetMapping("/api/v2/users/{userId}/organization_memberships/{id}")
    OrganizationMembershipEnvelope showOfUser(@PathVariable long userId, @PathVariable long id) {
        return new OrganizationMembershipEnvelope(json(memberships.get(id, userId), base()));
    }

    @PostMapping("/api/v2/organization_memberships")
    ResponseEntity<OrganizationMembershipEnvelope> create(
            @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        Input in = Input.envelope(body, "organization_membership");
        return created(memberships.create(
                caller,
                in.id("user_id").orElse(null),
                OrganizationMemberships.UserFrom.BODY,
                in.id("organization_id").orElse(null)));
    }

    /** The path names the user; a {@code user_id} in the body is ignored. */
    @PostMapping("/api/v2/users/{userId}/organization_memberships")
    ResponseEntity<OrganizationMembershipEnvelope> createForUser(
            @PathVariable long userId, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        Input in = Input.envelope(body, "organization_membership");
        return created(memberships.create(
                caller,
                userId,
                OrganizationMemberships.UserFrom.PATH,
                in.id("organization_id").orElse(null)));
    }

    @DeleteMapping("/api/v2/organization_memberships/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        memberships.delete(caller, id, null);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v2/users/{userId}/organization_memberships/{id}")
    ResponseEntity<Void> deleteOfUser(
            @PathVariable long userId, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        memberships.delete(caller, id, userId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v2/users/{userId}/organization_memberships/{id}/make_default")
    OrganizationMembershipList makeDefault(
            @PathVariable long userId, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        String base = base();
        return new OrganizationMembershipList(memberships.makeDefault(caller, userId, id).stream()
                .map(m -> json(m, base))
                .toList());
    }

    private ResponseEntity<OrganizationMembershipEnvelope> created(OrganizationMembership membership) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new OrganizationMembershipEnvelope(json(membership, base())));
    }

    private ListPage<OrganizationMembershipJson> page(MembershipFilter filter, HttpServletRequest request) {
        String base = base();
        PageRequest page = PageRequest.from(request);
        if (page instanceof PageRequest.Offset offset) {
            return pages.offsetPage(
                            "organization_memberships",
                            memberships.offsetPage(filter, offset.offset(), offset.perPage()),
                            memberships.count(filter),
                            offset,
                            request)
                    .map(m -> json(m, base));
        }
        PageRequest.Cursor cursor = (PageRequest.Cursor) page;
        boolean backward = cursor.before() != null;
        OrganizationMemberships.Window window = memberships.keyset(
                filter,
                cursor.after() == null ? null : id(cursor.after()),
                backward ? id(cursor.before()) : null,
                cursor.size());
        List<OrganizationMembership> rows = window.rows();
        String after = rows.isEmpty() ? null : encode(rows.get(rows.size() - 1).id());
        String before = rows.isEmpty() ? null : encode(rows.get(0).id());
        return pages.cursorPage("organization_memberships", rows, window.hasMore(), after, before, backward, request)
                .map(m -> json(m, base));
    }

    private String encode(long id) {
        return pages.encodeCursor(SCOPE, List.of(Long.toString(id)));
    }

    private long id(String cursor) {
        try {
            return Long.parseLong(pages.decodeCursor(SCOPE, cursor, 1).get(0));
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "InvalidCursor", "The cursor is invalid, expired, or was made for another list");
        }
    }

    private static OrganizationMembershipJson json(OrganizationMembership m, String base) {
        return new OrganizationMembershipJson(
                base + "/api/v2/organization_memberships/" + m.id() + ".json",
                m.id(),
                m.userId(),
                m.organizationId(),
                m.organizationName(),
                m.isDefault() ? Boolean.TRUE : null,
                m.viewTickets(),
                m.createdAt(),
                m.updatedAt());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
