package io.deskbridge.desk.customfield;

import java.util.List;
import java.util.Optional;

/**
 * What a create or update asked for; empty means "not sent" (keep on update, default on create).
 *
 * @param options the whole new option set, or empty when not sent
 */
record FieldWrite(
        Optional<String> type,
        Optional<String> key,
        Optional<String> title,
        Optional<String> description,
        Optional<String> agentDescription,
        Optional<String> titleInPortal,
        Optional<Integer> position,
        Optional<Boolean> active,
        Optional<Boolean> required,
        Optional<Boolean> requiredInPortal,
        Optional<Boolean> visibleInPortal,
        Optional<Boolean> editableInPortal,
        Optional<Boolean> collapsedForAgents,
        Optional<String> regexpForValidation,
        Optional<String> tag,
        Optional<List<OptionWrite>> options) {}
