package io.deskbridge.desk.organizationmembership;

import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.organization.OrganizationDeleted;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.user.DefaultOrganization;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.UserNotFoundException;
import io.deskbridge.desk.user.UserOrganizationAssigned;
import io.deskbridge.desk.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' organization memberships (see package-info). Every change that moves a user's default
 * membership sets {@code users.organization_id} through {@link Users} in the same transaction.
 */
@Service
public class OrganizationMemberships {

    /** Zendesk's limit of organizations per user. */
    static final int MAX_PER_USER = 300;

    private final OrganizationMembershipRepository repository;
    private final Users users;
    private final Organizations organizations;
    private final Clock clock;

    OrganizationMemberships(
            OrganizationMembershipRepository repository, Users users, Organizations organizations, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Rows of one cursor page in list order, and whether more follow in the walking direction. */
    record Window(List<OrganizationMembership> rows, boolean hasMore) {}

    /** Who names the user of a new membership: the body (unknown → 422) or the path (unknown → 404). */
    public enum UserFrom {
        BODY,
        PATH
    }

    /** One membership; with {@code userId}, only if it is that user's. */
    @Transactional(readOnly = true)
    public OrganizationMembership get(long id, Long userId) {
        return repository
                .find(id)
                .filter(m -> userId == null || m.userId() == userId)
                .orElseThrow(() -> new RecordNotFoundException("No organization membership with id " + id));
    }

    /** The user's organizations, the default first, then by name (Zendesk's order for a user's memberships). */
    @Transactional(readOnly = true)
    public List<Long> organizationIdsOf(long userId) {
        return byDefaultThenName(repository.ofUser(userId)).stream()
                .map(OrganizationMembership::organizationId)
                .toList();
    }

    /** How many active users are members of the organization. */
    @Transactional(readOnly = true)
    public long countMembers(long organizationId) {
        return repository.count(new MembershipFilter(null, organizationId));
    }

    @Transactional(readOnly = true)
    long count(MembershipFilter filter) {
        return repository.count(filter);
    }

    @Transactional(readOnly = true)
    List<OrganizationMembership> offsetPage(MembershipFilter filter, int offset, int limit) {
        return repository.offsetPage(filter, offset, limit);
    }

    @Transactional(readOnly = true)
    Window keyset(MembershipFilter filter, Long afterId, Long beforeId, int size) {
        List<OrganizationMembership> rows = new ArrayList<>(repository.keyset(filter, afterId, beforeId, size + 1));
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(rows.size() - 1);
        }
        if (beforeId != null) {
            Collections.reverse(rows);
        }
        return new Window(rows, more);
    }

    /** Adds the user to the organization; the user's first membership is the default. */
    @Transactional
    public OrganizationMembership create(DeskPrincipal caller, Long userId, UserFrom userFrom, Long organizationId) {
        UserAccount user = activeUser(userId)
                .orElseThrow(() -> userFrom == UserFrom.PATH
                        ? UserNotFoundException.forId(userId)
                        : cannotBeBlank("user", "User"));
        requireMayChange(caller, user);
        repository.lockUser(user.id());
        if (organizationId == null || organizations.find(organizationId).isEmpty()) {
            throw cannotBeBlank("organization", "Organization");
        }
        if (repository.find(user.id(), organizationId).isPresent()) {
            throw duplicate(user.id(), organizationId);
        }
        if (repository.countOfUser(user.id()) >= MAX_PER_USER) {
            throw new RecordInvalidException(
                    "base",
                    "InvalidValue",
                    "User " + user.id() + " is already in " + MAX_PER_USER
                            + " organizations, the most a user can be in; delete one of its memberships first");
        }
        boolean first = repository.ofUser(user.id()).stream().noneMatch(OrganizationMembership::isDefault);
        long id;
        try {
            id = repository.insert(user.id(), organizationId, first, now());
        } catch (DuplicateKeyException raced) {
            throw duplicate(user.id(), organizationId);
        }
        if (first) {
            users.applyDefaultOrganizations(List.of(new DefaultOrganization(user.id(), organizationId)));
        }
        return get(id, null);
    }

    /** Removes a membership; when it was the default, the user's oldest remaining one becomes it. */
    @Transactional
    public void delete(DeskPrincipal caller, long id, Long userId) {
        repository.lockUser(get(id, userId).userId());
        OrganizationMembership membership = get(id, userId);
        requireMayChange(caller, users.findById(membership.userId()).orElseThrow());
        repository.delete(id);
        if (membership.isDefault()) {
            users.applyDefaultOrganizations(List.of(promoteOldest(membership.userId())));
        }
    }

    /** Makes the membership the user's default; answers the user's memberships, default first, then by name. */
    @Transactional
    List<OrganizationMembership> makeDefault(DeskPrincipal caller, long userId, long id) {
        UserAccount user = activeUser(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
        repository.lockUser(userId);
        OrganizationMembership membership = get(id, userId);
        requireMayChange(caller, user);
        repository.makeDefault(userId, id, now());
        users.applyDefaultOrganizations(List.of(new DefaultOrganization(userId, membership.organizationId())));
        return byDefaultThenName(repository.ofUser(userId));
    }

    private static List<OrganizationMembership> byDefaultThenName(List<OrganizationMembership> memberships) {
        return memberships.stream()
                .sorted(Comparator.comparing((OrganizationMembership m) -> !m.isDefault())
                        .thenComparing(OrganizationMembership::organizationName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * A user create or update set {@code organization_id}: that organization becomes the user's default
     * membership in place of the previous default (see package-info), an existing membership reused.
     */
    @EventListener
    void on(UserOrganizationAssigned assigned) {
        long userId = assigned.userId();
        List<OrganizationMembership> current = repository.ofUserInAnyState(userId);
        Optional<OrganizationMembership> existing = current.stream()
                .filter(m -> m.organizationId() == assigned.organizationId())
                .findFirst();
        current.stream()
                .filter(OrganizationMembership::isDefault)
                .filter(m -> m.organizationId() != assigned.organizationId())
                .forEach(m -> repository.delete(m.id()));
        Instant now = now();
        if (existing.isPresent()) {
            repository.makeDefault(userId, existing.get().id(), now);
        } else {
            repository.insert(userId, assigned.organizationId(), true, now);
        }
    }

    /** A deleted organization's memberships go; its default members get their oldest other one, or none. */
    @EventListener
    void on(OrganizationDeleted deleted) {
        List<Long> defaultMembers = repository.defaultMembersOf(deleted.organizationId());
        repository.deleteOfOrganization(deleted.organizationId());
        users.applyDefaultOrganizations(
                defaultMembers.stream().map(this::promoteOldest).toList());
    }

    private DefaultOrganization promoteOldest(long userId) {
        Optional<OrganizationMembership> next = repository.oldest(userId);
        next.ifPresent(m -> repository.makeDefault(userId, m.id(), now()));
        return new DefaultOrganization(
                userId, next.map(OrganizationMembership::organizationId).orElse(null));
    }

    private Optional<UserAccount> activeUser(Long userId) {
        return userId == null ? Optional.empty() : users.findById(userId).filter(UserAccount::active);
    }

    /** Admins change anyone's memberships; agents only end users', as Zendesk allows. */
    private static void requireMayChange(DeskPrincipal caller, UserAccount user) {
        if (caller == null || (!caller.isAdmin() && user.role() != Role.END_USER)) {
            throw new ForbiddenException("Agents may only change the organization memberships of end users");
        }
    }

    private static RecordInvalidException duplicate(long userId, long organizationId) {
        return new RecordInvalidException(
                "user_id",
                "DuplicateValue",
                "User: " + userId + " is already a member of organization " + organizationId);
    }

    /** Zendesk's answer for an unknown user or organization: the association is blank. */
    private static RecordInvalidException cannotBeBlank(String field, String label) {
        return new RecordInvalidException(field, "BlankValue", label + " cannot be blank");
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
