package io.deskbridge.sync.automation;

import java.util.List;

/**
 * What a rule may say, for editors: the events, the condition fields with the operators and values
 * each takes, and the action fields.
 *
 * @param customFieldSource where the custom fields come from, in words (shown beside the picker)
 */
public record RuleVocabulary(
        List<String> events,
        List<String> operators,
        List<ConditionField> conditionFields,
        List<String> actionFields,
        String customFieldSource) {

    /**
     * A condition field by Zendesk's trigger name.
     *
     * @param choices the allowed values, for fields that have a fixed set; empty otherwise
     */
    public record ConditionField(String name, String label, List<String> operators, List<String> choices) {}
}
