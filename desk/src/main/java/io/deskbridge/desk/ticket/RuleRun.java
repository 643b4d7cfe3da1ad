package io.deskbridge.desk.ticket;

/**
 * One ticket write as business rules see it.
 *
 * @param previous the ticket before the write; null for a create
 * @param ticket the ticket as the write saved it (its id set)
 * @param commentPublic whether the write added a public comment; null when it added none
 * @param commentBody the added comment's plain text; null when it added none
 * @param viaChannel the write's channel ({@code api}, {@code web}, {@code rule}, ...)
 * @param actorId who wrote; null for desk itself (automations)
 */
public record RuleRun(
        Ticket previous, Ticket ticket, Boolean commentPublic, String commentBody, String viaChannel, Long actorId) {

    public boolean created() {
        return previous == null;
    }
}
