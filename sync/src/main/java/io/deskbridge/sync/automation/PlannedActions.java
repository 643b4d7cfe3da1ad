package io.deskbridge.sync.automation;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What firing does: the rule's actions as listed, the ticket update they make (the {@code ticket}
 * object sync sends to Zendesk, before the safe-update stamp; null when none) and the endpoint it notifies.
 */
public record PlannedActions(List<Action> actions, JsonNode ticketUpdate, String notifyUrl) {

    static PlannedActions of(Plan plan) {
        return new PlannedActions(plan.actions(), plan.update(), plan.notifyUrl());
    }
}
