package io.deskbridge.desk.ticketform;

import java.util.List;
import java.util.Optional;

/** A form create or update; empty means not sent. */
record TicketFormWrite(
        Optional<String> name,
        Optional<String> displayName,
        Optional<Integer> position,
        Optional<Boolean> active,
        Optional<Boolean> isDefault,
        Optional<Boolean> endUserVisible,
        Optional<List<Long>> ticketFieldIds) {}
