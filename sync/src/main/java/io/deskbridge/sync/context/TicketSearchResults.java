package io.deskbridge.sync.context;

import java.util.List;

/** The tickets a full-text search found, best first. */
public record TicketSearchResults(long connectionId, String query, int count, List<Hit> results) {

    /**
     * @param matchedIn where the snippet comes from: subject, description or comment
     * @param score higher is better; comparable within one answer only
     */
    public record Hit(long ticketId, String subject, String status, double score, String matchedIn, String snippet) {}
}
