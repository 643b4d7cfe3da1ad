package io.deskbridge.sync.automation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a rule is evaluated against: the ticket as it came in, its values, the diff from the stored
 * version, the new comment (comment events), and the moment the hours are counted to.
 *
 * @param at a change's own time (the ticket's {@code updated_at}, the comment's {@code created_at})
 *     for change events, so a dry run decides exactly as the live rule did; the check's time for time rules
 */
record Facts(
        JsonNode ticket, Map<String, String> values, Map<String, List<String>> diff, JsonNode comment, Instant at) {

    static Facts of(JsonNode ticket, Map<String, List<String>> diff, JsonNode comment, Instant at) {
        return new Facts(ticket, Snapshot.of(ticket), diff, comment, at);
    }

    String value(String field) {
        return values.get(field);
    }

    boolean changed(String field) {
        return diff.containsKey(field);
    }

    /** The value before the change: the diff's "from", or the value itself when it did not change. */
    String previous(String field) {
        List<String> pair = diff.get(field);
        return pair == null ? values.get(field) : pair.get(0);
    }
}
