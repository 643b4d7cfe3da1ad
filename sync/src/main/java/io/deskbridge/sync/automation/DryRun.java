package io.deskbridge.sync.automation;

import java.time.Instant;
import java.util.List;

/**
 * What a rule would have done over the recorded changes of the last {@code days} days (for a time
 * rule: over the synced tickets as they stand now), without doing it.
 *
 * @param evaluated how many changes (time rules: tickets) were evaluated
 */
public record DryRun(long ruleId, int days, Instant since, long evaluated, List<Match> matches) {

    /** One change the rule fires for, and what it would do. */
    public record Match(
            long ticketId,
            long ticketVersion,
            String event,
            Instant changedAt,
            int chainDepth,
            PlannedActions planned) {}
}
