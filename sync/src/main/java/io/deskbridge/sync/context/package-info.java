/**
 * Ticket context and full-text search over a connection's synced data, served from sync's store:
 * no Zendesk request, no rate-limit cost. The public face is {@link
 * io.deskbridge.sync.context.TicketContexts} with its records, and {@link
 * io.deskbridge.sync.context.ContextMarkdown} for tools that read text.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Search index. PostgreSQL: stored generated {@code tsvector} columns with GIN indexes (V6.1,
 *       {@code SearchIndexMigration}), kept in step by the database with every row the store writes;
 *       the store only writes the text ({@code search_text}: a ticket's description, a comment's
 *       body, at most 100,000 characters). H2: no index, a scan with {@code LIKE} per word over the
 *       connection's rows. Decided over H2's {@code FT_*} (a trigger per row that tokenises into
 *       three tables, a cost on every bulk-sync insert, and no ranking) and over a token table (the
 *       same write cost, in our code): H2 is the single-operator embedded default, and a scan is
 *       correct, costs the sync nothing, and keeps the two databases' answers close. H2 matches
 *       parts of words ("refund" finds "refunded"); PostgreSQL whole words, without stemming.
 *   <li>Ranking: a ticket's own text counts most (subject more than description), each matching
 *       comment a little; per ticket the scores add up.
 *   <li>What is not synced is said, not guessed: groups and ticket fields have no stream yet (the
 *       document names the group by id and shows custom fields as stored), and recent field
 *       changes are not derivable while the store keeps only each ticket's latest version.
 *   <li>Records stored before V6 have no requester, organization or search text until they are
 *       synced again (a full sync indexes them).
 * </ul>
 */
package io.deskbridge.sync.context;
