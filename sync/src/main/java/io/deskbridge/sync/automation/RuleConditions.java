package io.deskbridge.sync.automation;

import java.util.List;

/** Zendesk's {@code conditions}: every one of {@code all} and, when {@code any} is not empty, one of {@code any}. */
public record RuleConditions(List<Condition> all, List<Condition> any) {

    public RuleConditions {
        all = all == null ? List.of() : List.copyOf(all);
        any = any == null ? List.of() : List.copyOf(any);
    }
}
