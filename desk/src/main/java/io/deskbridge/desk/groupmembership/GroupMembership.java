package io.deskbridge.desk.groupmembership;

import java.time.Instant;

/** An agent's membership of a group. */
public record GroupMembership(
        long id, long userId, long groupId, boolean isDefault, Instant createdAt, Instant updatedAt) {}
