package io.deskbridge.sync.automation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Whether a rule fires for a recorded change: the same function decides live (at sync time) and in
 * dry runs, so a dry run lists exactly what the live rule does. Each rule is evaluated on the change
 * as it came in. Decision: not Zendesk's trigger cascade (where each trigger sees the previous
 * triggers' changes) — a rule reacts to another rule's write-back when it is synced back, one chain
 * step later, at most {@code maxChainDepth} steps deep.
 */
final class Decider {

    private Decider() {}

    /**
     * @param live whether the rule must have been active when the change happened (false in a dry run,
     *     which asks what the rule would have done)
     */
    static boolean fires(Rule rule, ChangeRow change, int maxChainDepth, boolean live) {
        if (!eventMatches(rule.event(), change)) {
            return false;
        }
        if (live
                && (rule.activeSince() == null
                        || change.changedAt().isBefore(rule.activeSince().truncatedTo(ChronoUnit.SECONDS)))) {
            return false;
        }
        // The cycle guard: a rule's own write-back never fires it again.
        if (change.echoRuleId() != null && change.echoRuleId() == rule.id()) {
            return false;
        }
        if (change.chainDepth() > maxChainDepth) {
            return false;
        }
        Facts facts = Facts.of(change.ticket(), change.diff(), change.comment(), change.changedAt());
        return matches(rule, facts);
    }

    static boolean matches(Rule rule, Facts facts) {
        return ConditionMatcher.all(rule.conditions().all(), facts)
                && ConditionMatcher.any(rule.conditions().any(), facts);
    }

    /** The facts of a time rule's check of a ticket as it stands. */
    static Facts timeFacts(JsonNode ticket, Instant now) {
        return Facts.of(ticket, Map.of(), null, now);
    }

    private static boolean eventMatches(RuleEvent event, ChangeRow change) {
        return switch (event) {
            case TICKET_CREATED -> change.event() == RuleEvent.TICKET_CREATED;
            case TICKET_UPDATED -> change.event() == RuleEvent.TICKET_UPDATED;
            case TICKET_SOLVED -> {
                List<String> status = change.diff().get("status");
                yield change.event() != RuleEvent.COMMENT_ADDED && status != null && "solved".equals(status.get(1));
            }
            case COMMENT_ADDED -> change.event() == RuleEvent.COMMENT_ADDED;
            case TIME -> false;
        };
    }
}
