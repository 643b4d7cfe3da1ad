package io.deskbridge.sync.automation;

import java.time.Instant;

/** One ledger row: a (rule, ticket, ticket version) that fired, and how far its actions got. */
record LedgerEntry(
        long id,
        long connectionId,
        long ruleId,
        long ticketId,
        long ticketVersion,
        int chainDepth,
        Instant decidedAt,
        Plan plan,
        LedgerState state,
        int attempts,
        String ticketStamp,
        StepOutcome ticketOutcome,
        String ticketDetail,
        String writtenUpdatedAt,
        StepOutcome notifyOutcome,
        String notifyDetail,
        int notifyAttempts,
        Instant finishedAt) {}
