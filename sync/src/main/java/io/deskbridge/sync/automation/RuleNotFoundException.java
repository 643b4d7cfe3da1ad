package io.deskbridge.sync.automation;

import io.deskbridge.sync.api.RecordNotFoundException;

public class RuleNotFoundException extends RecordNotFoundException {

    private RuleNotFoundException(String message) {
        super(message);
    }

    static RuleNotFoundException forId(long connectionId, long ruleId) {
        return new RuleNotFoundException("Connection " + connectionId + " has no automation rule " + ruleId);
    }
}
