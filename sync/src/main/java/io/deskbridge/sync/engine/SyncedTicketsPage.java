package io.deskbridge.sync.engine;

import java.util.List;

/**
 * One page of synced tickets, in id order.
 *
 * @param afterCursor pass as {@code page[after]} for the next page; null on the last page
 * @param count tickets matching the query in all pages
 */
public record SyncedTicketsPage(List<SyncedTicket> tickets, boolean hasMore, String afterCursor, long count) {}
