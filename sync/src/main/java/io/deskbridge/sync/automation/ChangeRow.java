package io.deskbridge.sync.automation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One recorded change: what rules were (or, in a dry run, would be) evaluated against. */
record ChangeRow(
        long id,
        long ticketId,
        long version,
        RuleEvent event,
        Instant changedAt,
        Map<String, List<String>> diff,
        JsonNode ticket,
        JsonNode comment,
        Long echoOf,
        Long echoRuleId,
        int chainDepth) {}
