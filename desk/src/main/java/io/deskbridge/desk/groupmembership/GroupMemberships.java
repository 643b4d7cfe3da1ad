package io.deskbridge.desk.groupmembership;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.group.Groups;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import io.deskbridge.desk.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents' group memberships (see package-info). */
@Service
public class GroupMemberships {

    private final GroupMembershipRepository repository;
    private final Users users;
    private final Groups groups;
    private final Clock clock;

    GroupMemberships(GroupMembershipRepository repository, Users users, Groups groups, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.groups = groups;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<GroupMembership> all() {
        return repository.list(null, null);
    }

    /** A user's memberships; 404 for an unknown user. */
    @Transactional(readOnly = true)
    public List<GroupMembership> ofUser(long userId) {
        users.findById(userId).orElseThrow(() -> new RecordNotFoundException("No user with id " + userId));
        return repository.list(userId, null);
    }

    /** A group's memberships; 404 for an unknown group. */
    @Transactional(readOnly = true)
    public List<GroupMembership> ofGroup(long groupId) {
        groups.get(groupId);
        return repository.list(null, groupId);
    }

    /** One membership; with {@code userId}, only if it is that user's. */
    @Transactional(readOnly = true)
    public GroupMembership get(long id, Long userId) {
        return repository
                .find(id)
                .filter(m -> userId == null || m.userId() == userId)
                .orElseThrow(() -> new RecordNotFoundException("No group membership with id " + id));
    }

    /** Puts an agent in a group (the user's first membership is the default); 422 when it cannot be. */
    @Transactional
    public GroupMembership create(Long userId, Long groupId) {
        if (userId == null) {
            throw Input.blank("user_id");
        }
        if (groupId == null) {
            throw Input.blank("group_id");
        }
        UserAccount user =
                users.findById(userId).orElseThrow(() -> Input.invalid("user_id", "there is no user " + userId));
        if (user.role() == Role.END_USER) {
            throw Input.invalid("user_id", "user " + userId + " is an end user; only agents can be in groups");
        }
        if (!groups.exists(groupId)) {
            throw Input.invalid("group_id", "there is no group " + groupId);
        }
        if (repository.find(userId, groupId).isPresent()) {
            throw new RecordInvalidException(
                    "user_id", "DuplicateValue", "User: " + userId + " is already a member of group " + groupId);
        }
        boolean first = repository.list(userId, null).isEmpty();
        return get(repository.insert(userId, groupId, first, now()), null);
    }

    /** Removes the membership (with {@code userId}, only that user's); the next one becomes the default. */
    @Transactional
    public void delete(long id, Long userId) {
        GroupMembership membership = get(id, userId);
        repository.delete(id);
        if (membership.isDefault()) {
            repository.list(membership.userId(), null).stream()
                    .findFirst()
                    .ifPresent(next -> repository.makeDefault(membership.userId(), next.id(), now()));
        }
    }

    /** Makes the membership the user's default; answers all of the user's memberships. */
    @Transactional
    List<GroupMembership> makeDefault(long userId, long id) {
        get(id, userId);
        repository.makeDefault(userId, id, now());
        return repository.list(userId, null);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
