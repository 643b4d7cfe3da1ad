package io.deskbridge.desk.ticket;

import java.util.List;
import java.util.Map;

/**
 * What business rules decided for one write.
 *
 * @param edit the rule-settable fields after every rule fired; null when none fired
 * @param changedBy per field name of the audit ({@code status}, {@code tags}, ...), the via of the
 *     last rule that set it
 * @param notifications the notifications the rules sent, in firing order
 */
public record RuleOutcome(RuleEdit edit, Map<String, Via> changedBy, List<RuleNotification> notifications) {

    public static final RuleOutcome NONE = new RuleOutcome(null, Map.of(), List.of());
}
