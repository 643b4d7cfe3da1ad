package io.deskbridge.sync.engine;

import java.util.List;

/**
 * Told about each committed page's changes, inside the page's own transaction: what it writes
 * commits or rolls back with the page's rows and the stream's cursor, so a change is seen exactly
 * once however often a crashed run resumes. A listener must not call out over the network.
 */
public interface SyncedChangeListener {

    /** Whether the connection's changes are wanted at all (reading the stored versions costs a query). */
    boolean watches(long connectionId);

    /** Tickets whose incoming version is newer than the stored one (or that were not stored), in page order. */
    void ticketsChanged(long connectionId, List<TicketVersion> versions);

    /** Comments not stored before, in page order. */
    void commentsAdded(long connectionId, List<CommentAdded> comments);
}
