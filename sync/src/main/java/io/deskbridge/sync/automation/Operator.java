package io.deskbridge.sync.automation;

import java.util.Arrays;
import java.util.Optional;

/** Zendesk's condition operators. */
enum Operator {
    IS("is"),
    IS_NOT("is_not"),
    LESS_THAN("less_than"),
    GREATER_THAN("greater_than"),
    INCLUDES("includes"),
    NOT_INCLUDES("not_includes"),
    CONTAINS("contains"),
    NOT_CONTAINS("not_contains"),
    CHANGED("changed"),
    CHANGED_TO("changed_to"),
    CHANGED_FROM("changed_from"),
    NOT_CHANGED("not_changed");

    final String wireName;

    Operator(String wireName) {
        this.wireName = wireName;
    }

    boolean takesValue() {
        return this != CHANGED && this != NOT_CHANGED;
    }

    static Optional<Operator> fromWire(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
    }
}
