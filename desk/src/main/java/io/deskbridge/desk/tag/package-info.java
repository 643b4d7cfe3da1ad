/**
 * The account's tags: {@code GET /api/v2/tags} (name and count, most used first, offset and cursor
 * pagination), {@code /tags/count} and {@code /autocomplete/tags}.
 *
 * <p>Decisions. Zendesk counts "the most popular tags in the last 60 days" over tickets; desk counts
 * every tag of every ticket that is not deleted, at the time of the request (there is no 60-day
 * window to age out of, so the list is complete). Tags are read from {@code ticket_tags}
 * (V2__support_resources), which the ticket writes keep in step with {@code tickets.tags}. Users' and
 * organizations' tags are not counted: Zendesk's list is the ticket tag cloud. The order is count
 * descending, then name ascending, so a cursor (count, name) walks the list without repeats.
 * Autocomplete matches tags that start with {@code name} (at least two characters, Zendesk's minimum),
 * at most 15, most used first.
 */
package io.deskbridge.desk.tag;
