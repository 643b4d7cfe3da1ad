package io.deskbridge.desk.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ticket's {@code satisfaction_rating} as Zendesk shows it on the ticket: the rating's id, score and
 * comment once the requester has rated ({@code reason} and {@code reason_id} too for a bad rating with a
 * reason), otherwise only the state, {@code {"score":"unoffered"}}. Decision: desk sends no survey
 * e-mails, so it never moves a ticket to "offered" by itself; a requester may still rate a solved
 * ticket through the API, as in Zendesk.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketSatisfaction(Long id, String score, String comment, String reason, Long reasonId) {

    public static final TicketSatisfaction UNOFFERED = new TicketSatisfaction(null, "unoffered", null, null, null);
}
