package io.deskbridge.desk.ticketform;

import java.time.Instant;
import java.util.List;

/** A ticket form as stored. */
public record TicketForm(
        long id,
        String name,
        String displayName,
        int position,
        boolean active,
        boolean isDefault,
        boolean endUserVisible,
        List<Long> ticketFieldIds,
        Instant createdAt,
        Instant updatedAt) {}
