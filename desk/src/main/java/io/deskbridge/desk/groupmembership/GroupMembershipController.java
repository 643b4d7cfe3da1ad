package io.deskbridge.desk.groupmembership;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
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

/** Group membership endpoints: agents read, admins write. */
@RestController
class GroupMembershipController {

    private final GroupMemberships memberships;
    private final ListPages pages;

    GroupMembershipController(GroupMemberships memberships, ListPages pages) {
        this.memberships = memberships;
        this.pages = pages;
    }

    /** {@code GroupMembershipObject}. */
    record GroupMembershipJson(
            String url,
            long id,
            long userId,
            long groupId,
            @JsonProperty("default") boolean isDefault,
            Instant createdAt,
            Instant updatedAt) {}

    record GroupMembershipEnvelope(GroupMembershipJson groupMembership) {}

    /** {@code make_default} answers the user's memberships, unpaginated. */
    record GroupMembershipList(List<GroupMembershipJson> groupMemberships) {}

    @GetMapping({"/api/v2/group_memberships", "/api/v2/group_memberships/assignable"})
    ListPage<GroupMembershipJson> list(HttpServletRequest request) {
        return page(memberships.all(), request);
    }

    @GetMapping({"/api/v2/groups/{groupId}/memberships", "/api/v2/groups/{groupId}/memberships/assignable"})
    ListPage<GroupMembershipJson> ofGroup(@PathVariable long groupId, HttpServletRequest request) {
        return page(memberships.ofGroup(groupId), request);
    }

    @GetMapping("/api/v2/users/{userId}/group_memberships")
    ListPage<GroupMembershipJson> ofUser(@PathVariable long userId, HttpServletRequest request) {
        return page(memberships.ofUser(userId), request);
    }

    @GetMapping("/api/v2/group_memberships/{id}")
    GroupMembershipEnvelope show(@PathVariable long id) {
        return new GroupMembershipEnvelope(json(memberships.get(id, null), base()));
    }

    @GetMapping("/api/v2/users/{userId}/group_memberships/{id}")
    GroupMembershipEnvelope showOfUser(@PathVariable long userId, @PathVariable long id) {
        return new GroupMembershipEnvelope(json(memberships.get(id, userId), base()));
    }

    @PostMapping("/api/v2/group_memberships")
    ResponseEntity<GroupMembershipEnvelope> create(
            @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "group_membership");
        return created(memberships.create(
                in.id("user_id").orElse(null), in.id("group_id").orElse(null)));
    }

    /** The path names the user; a {@code user_id} in the body is ignored, as Zendesk does. */
    @PostMapping("/api/v2/users/{userId}/group_memberships")
    ResponseEntity<GroupMembershipEnvelope> createForUser(
            @PathVariable long userId, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        Input in = Input.envelope(body, "group_membership");
        return created(memberships.create(userId, in.id("group_id").orElse(null)));
    }

    @DeleteMapping("/api/v2/group_memberships/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        memberships.delete(id, null);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v2/users/{userId}/group_memberships/{id}")
    ResponseEntity<Void> deleteOfUser(
            @PathVariable long userId, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        memberships.delete(id, userId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v2/users/{userId}/group_memberships/{id}/make_default")
    GroupMembershipList makeDefault(
            @PathVariable long userId, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireAdmin(caller);
        String base = base();
        return new GroupMembershipList(memberships.makeDefault(userId, id).stream()
                .map(m -> json(m, base))
                .toList());
    }

    private ListPage<GroupMembershipJson> page(List<GroupMembership> rows, HttpServletRequest request) {
        String base = base();
        return pages.inMemory("group_memberships", request, rows, m -> List.of(0L, m.id()))
                .map(m -> json(m, base));
    }

    private ResponseEntity<GroupMembershipEnvelope> created(GroupMembership membership) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new GroupMembershipEnvelope(json(membership, base())));
    }

    private static void requireAdmin(DeskPrincipal caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only admins change group memberships");
        }
    }

    private static GroupMembershipJson json(GroupMembership m, String base) {
        return new GroupMembershipJson(
                base + "/api/v2/group_memberships/" + m.id() + ".json",
                m.id(),
                m.userId(),
                m.groupId(),
                m.isDefault(),
                m.createdAt(),
                m.updatedAt());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
