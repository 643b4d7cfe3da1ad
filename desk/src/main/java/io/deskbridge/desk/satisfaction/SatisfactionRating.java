package io.deskbridge.desk.satisfaction;

import java.time.Instant;

/** A satisfaction rating as desk stores it; {@code assigneeId}/{@code groupId} as they were when rated. */
record SatisfactionRating(
        long id,
        long ticketId,
        long requesterId,
        Long assigneeId,
        Long groupId,
        String score,
        String comment,
        Integer reasonCode,
        Instant createdAt,
        Instant updatedAt) {}
