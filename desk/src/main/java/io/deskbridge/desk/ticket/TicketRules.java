package io.deskbridge.desk.ticket;

/**
 * Business rules that run inside a ticket write, after the caller's changes are saved and before
 * {@link TicketChanged} is published: Zendesk's triggers. Implemented outside this capability
 * (businessrule) so tickets do not depend on rules; {@link Tickets} applies what the rules decide in
 * the same transaction and audit, so webhooks and activities see one change.
 */
public interface TicketRules {

    /** What the rules make of one write; {@link RuleOutcome#NONE} when nothing fires. */
    RuleOutcome afterWrite(RuleRun run);
}
