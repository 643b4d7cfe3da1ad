package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.ticket.RuleEdit;
import io.deskbridge.desk.ticket.RuleNotification;
import io.deskbridge.desk.ticket.RuleOutcome;
import io.deskbridge.desk.ticket.RuleRun;
import io.deskbridge.desk.ticket.Ticket;
import io.deskbridge.desk.ticket.TicketRules;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs the triggers on every ticket create and update, inside the write's transaction (see
 * package-info): the triggers' changes land in the same audit, their webhook calls in the outbox
 * with the write, and a failure rolls all of it back together.
 *
 * <p>Imported tickets fire no trigger, as in Zendesk's ticket import: a write whose channel
 * ({@link RuleRun#viaChannel()}) is {@value #IMPORT_CHANNEL} is skipped.
 */
@Component
class TriggerRunner implements TicketRules {

    /** The channel of ticket imports ({@code /imports/tickets}): such writes run no triggers. */
    static final String IMPORT_CHANNEL = "import";

    private final BusinessRuleRepository rules;
    private final RuleSideEffects sideEffects;

    TriggerRunner(BusinessRuleRepository rules, RuleSideEffects sideEffects) {
        this.rules = rules;
        this.sideEffects = sideEffects;
    }

    @Override
    public RuleOutcome afterWrite(RuleRun run) {
        if (IMPORT_CHANNEL.equals(run.viaChannel())
                || (run.previous() != null && "closed".equals(run.previous().status()))) {
            return RuleOutcome.NONE;
        }
        List<BusinessRule> triggers = rules.active(RuleKind.TRIGGER);
        if (triggers.isEmpty()) {
            return RuleOutcome.NONE;
        }
        RuleTicket ticket = new RuleTicket(
                run.ticket(),
                run.previous(),
                run.commentPublic(),
                run.commentBody(),
                run.viaChannel(),
                run.actorId(),
                (milestone, businessHours) -> -1);
        TriggerCycle.Result result =
                TriggerCycle.run(triggers, ticket, sideEffects::userExists, sideEffects::groupExists);
        if (result.fired().isEmpty()) {
            return RuleOutcome.NONE;
        }
        RuleEdit edit = ticket.edit();
        Ticket after = run.ticket()
                .withRuleEdit(edit, run.ticket().updatedAt(), run.ticket().generatedTimestamp());
        List<RuleNotification> notes = sideEffects.carryOut(result.effects(), after, run.actorId());
        return new RuleOutcome(edit, Map.copyOf(result.effects().changedBy), notes);
    }
}
