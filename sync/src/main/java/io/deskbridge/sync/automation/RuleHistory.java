package io.deskbridge.sync.automation;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A rule's ledger entries, newest first, each with every action's outcome. */
public record RuleHistory(long ruleId, long count, List<Firing> firings) {

    /**
     * One (rule, ticket, ticket version) that fired.
     *
     * @param state {@code pending} while its actions are being carried out, then {@code done}
     * @param attempts write-back attempts so far
     */
    public record Firing(
            long id,
            long ticketId,
            long ticketVersion,
            int chainDepth,
            Instant decidedAt,
            String state,
            int attempts,
            Instant finishedAt,
            List<ActionOutcome> actions) {}

    /** One action and how it ended: the ticket's actions share the write-back's outcome. */
    public record ActionOutcome(String field, JsonNode value, StepOutcome outcome, String detail) {}
}
