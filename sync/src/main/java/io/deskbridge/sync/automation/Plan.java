package io.deskbridge.sync.automation;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a rule does when it fires, decided with the ledger entry: the Zendesk ticket update (the
 * {@code ticket} object of {@code PUT /api/v2/tickets/{id}.json}, without the safe-update stamp added
 * when it is sent), the endpoint to notify, and the rule's actions as listed.
 *
 * @param update null when the rule changes nothing in the ticket
 * @param notifyUrl null when the rule notifies no endpoint
 */
record Plan(JsonNode update, String notifyUrl, List<Action> actions) {

    boolean writesTicket() {
        return update != null && !update.isEmpty();
    }
}
