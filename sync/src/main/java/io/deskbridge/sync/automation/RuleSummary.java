package io.deskbridge.sync.automation;

import java.time.Instant;

/**
 * A rule with how often it fired, for lists.
 *
 * @param firings ledger entries of the rule (each a (rule, ticket, ticket version) that fired)
 * @param lastFiredAt when the newest of them was decided; null when it never fired
 */
public record RuleSummary(Rule rule, long firings, Instant lastFiredAt) {}
