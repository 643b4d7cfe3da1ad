package io.deskbridge.sync.context;

import io.deskbridge.sync.context.TicketContext.Organization;
import io.deskbridge.sync.context.TicketContext.Person;
import io.deskbridge.sync.context.TicketContext.RelatedTickets;

/** A user and their tickets (open first), as the MCP tool {@code get_requester_history} returns them. */
public record RequesterHistory(
        long connectionId, Person requester, Organization organization, RelatedTickets tickets) {}
