package io.deskbridge.sync.engine;

/** What fetching one page cost, committed with the page. */
final class PageCounters {
    long requests;
    long rateLimited;
    long waitedMillis;

    void reset() {
        requests = 0;
        rateLimited = 0;
        waitedMillis = 0;
    }
}
