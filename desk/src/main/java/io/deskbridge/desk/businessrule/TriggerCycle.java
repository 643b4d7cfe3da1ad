package io.deskbridge.desk.businessrule;

import io.deskbridge.desk.ticket.Via;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * Zendesk's trigger cycle on one write: the active triggers run in position order against the
 * ticket as earlier triggers left it; a trigger whose conditions hold fires (its actions change the
 * ticket). When a pass fired any trigger, the ticket runs through the triggers again, because what
 * fired may make others match; each trigger fires at most once per write, so the cycle ends after at
 * most as many passes as there are triggers. It ends when a pass fires nothing.
 */
final class TriggerCycle {

    /** The triggers that fired, in firing order, and what they did. */
    record Result(List<Long> fired, RuleActions.Effects effects) {}

    private TriggerCycle() {}

    /** @param triggers in the order they run (category, position, id: the repository's order) */
    static Result run(
            List<BusinessRule> triggers, RuleTicket ticket, LongPredicate userExists, LongPredicate groupExists) {
        List<BusinessRule> ordered =
                triggers.stream().filter(BusinessRule::active).toList();
        RuleActions.Effects effects = new RuleActions.Effects();
        List<Long> fired = new ArrayList<>();
        Set<Long> done = new HashSet<>();
        boolean firedInPass = true;
        while (firedInPass) {
            firedInPass = false;
            for (BusinessRule trigger : ordered) {
                if (done.contains(trigger.id()) || !RuleConditions.matches(trigger.conditions(), ticket)) {
                    continue;
                }
                done.add(trigger.id());
                fired.add(trigger.id());
                firedInPass = true;
                RuleActions.apply(
                        trigger.actions(),
                        ticket,
                        Via.rule("trigger", trigger.id(), trigger.title()),
                        effects,
                        userExists,
                        groupExists);
            }
        }
        return new Result(List.copyOf(fired), effects);
    }
}
