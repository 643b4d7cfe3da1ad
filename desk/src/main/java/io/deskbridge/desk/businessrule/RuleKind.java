package io.deskbridge.desk.businessrule;

import java.util.Locale;

/** The five kinds of business rule, with Zendesk's names and paths. */
public enum RuleKind {
    MACRO("macro", "macros", "macros", true, false),
    TRIGGER("trigger", "triggers", "triggers", true, true),
    AUTOMATION("automation", "automations", "automations", true, true),
    VIEW("view", "views", "views", false, true),
    SLA_POLICY("sla_policy", "sla_policies", "slas/policies", false, false);

    private final String singular;
    private final String plural;
    private final String path;
    private final boolean needsActions;
    private final boolean needsConditions;

    RuleKind(String singular, String plural, String path, boolean needsActions, boolean needsConditions) {
        this.singular = singular;
        this.plural = plural;
        this.path = path;
        this.needsActions = needsActions;
        this.needsConditions = needsConditions;
    }

    public String singular() {
        return singular;
    }

    public String plural() {
        return plural;
    }

    /** The path under {@code /api/v2/}. */
    public String path() {
        return path;
    }

    boolean needsActions() {
        return needsActions;
    }

    boolean needsConditions() {
        return needsConditions;
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
