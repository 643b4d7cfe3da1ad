package io.deskbridge.desk.businessrule;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Admin Center → Objects and rules → Business rules: the triggers and the automations in the order
 * they run, with whether each is active and what it checks and does (read-only; they are changed
 * through {@code /api/v2/triggers} and {@code /api/v2/automations}).
 */
@Controller
class BusinessRulesPage {

    static final String TRIGGERS = "/admin/objects-rules/business-rules/triggers";
    static final String AUTOMATIONS = "/admin/objects-rules/business-rules/automations";

    /** One row: the rule and its conditions and actions as short text. */
    record Row(BusinessRule rule, String conditions, String actions) {}

    private final BusinessRuleRepository rules;

    BusinessRulesPage(BusinessRuleRepository rules) {
        this.rules = rules;
    }

    @GetMapping(TRIGGERS)
    String triggers(Model model) {
        return page(model, RuleKind.TRIGGER, "Triggers", "triggers");
    }

    @GetMapping(AUTOMATIONS)
    String automations(Model model) {
        return page(model, RuleKind.AUTOMATION, "Automations", "automations");
    }

    private String page(Model model, RuleKind kind, String title, String active) {
        List<Row> rows = rules.all(kind).stream()
                .map(r -> new Row(r, conditions(r), actions(r)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("title", title);
        model.addAttribute("active", active);
        model.addAttribute("apiPath", "/api/v2/" + kind.path());
        return "businessrule/list";
    }

    private static String conditions(BusinessRule r) {
        StringBuilder text = new StringBuilder();
        for (String group : List.of("all", "any")) {
            r.conditions()
                    .path(group)
                    .forEach(c -> text.append(text.isEmpty() ? "" : "; ")
                            .append(group)
                            .append(": ")
                            .append(c.path("field").asString(""))
                            .append(' ')
                            .append(c.path("operator").asString("is"))
                            .append(c.path("value").isNull() ? "" : " " + c.path("value")));
        }
        return text.toString();
    }

    private static String actions(BusinessRule r) {
        StringBuilder text = new StringBuilder();
        r.actions()
                .forEach(a -> text.append(text.isEmpty() ? "" : "; ")
                        .append(a.path("field").asString(""))
                        .append(" = ")
                        .append(a.path("value")));
        return text.toString();
    }
}
