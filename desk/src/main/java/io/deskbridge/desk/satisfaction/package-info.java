/**
 * Satisfaction (CSAT) ratings, as Zendesk's Satisfaction Ratings API serves them.
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li>Only received ratings are stored (good/bad): desk sends no survey e-mails, so it has no
 *       "offered" ratings, and {@code score=offered}/{@code unoffered} list nothing. The ticket shows
 *       {@code satisfaction_rating: {"score":"unoffered"}} until its requester rates it.
 *   <li>One rating per ticket; rating again replaces it (same id, {@code updated_at} moves).
 *   <li>{@code start_time}/{@code end_time} filter on {@code created_at} ("time of the oldest / most
 *       recent satisfaction rating" in Zendesk's docs), inclusive. Airbyte sends {@code start_time} and
 *       {@code sort=created_at} on every page, tap-zendesk {@code start_time} with {@code page[size]}, dlt
 *       plain cursor pages: all three walk {@code links.next}/{@code meta.after_cursor}.
 *   <li>Reading is for agents and admins (the agent API's rule; Zendesk documents admins); rating is
 *       for the ticket's requester only ({@link io.deskbridge.desk.satisfaction.SatisfactionRatings}).
 *   <li>The ticket's summary lives on the ticket row (the ticket capability owns it), written through
 *       {@code Tickets.recordSatisfaction} in the rating's transaction, so a ticket read needs no join.
 * </ul>
 */
package io.deskbridge.desk.satisfaction;
