package io.deskbridge.sync.engine;

/**
 * Where a stream stands, as committed.
 *
 * @param cursor Zendesk's {@code after_cursor} (cursor exports) or the next {@code start_time}
 *     (time-based exports); null before the first page
 * @param cursorTime the epoch second the stream has covered; null before the first page
 * @param originTime the epoch second of the first record the stream ever received; null before
 */
record StreamPosition(String cursor, Long cursorTime, Long originTime) {

    static final StreamPosition START = new StreamPosition(null, null, null);
}
