package io.deskbridge.sync.console;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.automation.CreatedRule;
import io.deskbridge.sync.automation.Rule;
import io.deskbridge.sync.automation.Rules;
import io.deskbridge.sync.connection.Connections;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A connection's automation rules: the list (with firings from the ledger), the editor and each
 * rule's history. Everything goes through the {@link Rules} facade the REST API uses, so the
 * console validates and stores exactly as {@code /api/connections/{id}/rules} does; a refused form
 * comes back (422) with what was entered and the facade's message.
 */
@Controller
class RulesPages {

    static final int HISTORY_SIZE = 100;

    private final Connections connections;
    private final Rules rules;

    RulesPages(Connections connections, Rules rules) {
        this.connections = connections;
        this.rules = rules;
    }

    @GetMapping("/connections/{id}/rules")
    String list(@PathVariable long id, Model model) {
        model.addAttribute("connection", connections.get(id));
        model.addAttribute("rules", rules.summaries(id));
        return "console/rules";
    }

    @GetMapping("/connections/{id}/rules/new")
    String newRule(@PathVariable long id, Model model) {
        return editor(id, null, RuleForm.empty(), model);
    }

    @GetMapping("/connections/{id}/rules/{ruleId}")
    String edit(@PathVariable long id, @PathVariable long ruleId, Model model) {
        Rule rule = rules.get(id, ruleId);
        return editor(id, rule, RuleForm.of(rule), model);
    }

    /**
     * Creates the rule. Decision: the answer is the new rule's editor itself (not a redirect) because it
     * shows the notification signing secret, once, as the API does; keeping it out of the session and
     * the address bar matters more than a reload-safe page.
     */
    @PostMapping("/connections/{id}/rules")
    String create(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "false") String active,
            @RequestParam(defaultValue = "") String position,
            @RequestParam(defaultValue = "") String event,
            @RequestParam(defaultValue = "") List<String> allField,
            @RequestParam(defaultValue = "") List<String> allOperator,
            @RequestParam(defaultValue = "") List<String> allValue,
            @RequestParam(defaultValue = "") List<String> anyField,
            @RequestParam(defaultValue = "") List<String> anyOperator,
            @RequestParam(defaultValue = "") List<String> anyValue,
            @RequestParam(defaultValue = "") List<String> actionField,
            @RequestParam(defaultValue = "") List<String> actionValue,
            Model model,
            HttpServletResponse response) {
        RuleForm form = form(
                title,
                active,
                position,
                event,
                allField,
                allOperator,
                allValue,
                anyField,
                anyOperator,
                anyValue,
                actionField,
                actionValue);
        try {
            CreatedRule created = rules.create(id, form.request(position(position)));
            response.setStatus(HttpServletResponse.SC_CREATED);
            model.addAttribute("notice", "Rule created.");
            model.addAttribute("signingSecret", created.signingSecret());
            return editor(id, created.rule(), RuleForm.of(created.rule()), model);
        } catch (RecordInvalidException e) {
            return refused(id, null, form, e.getMessage(), model, response);
        }
    }

    @PostMapping("/connections/{id}/rules/{ruleId}")
    String update(
            @PathVariable long id,
            @PathVariable long ruleId,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "false") String active,
            @RequestParam(defaultValue = "") String position,
            @RequestParam(defaultValue = "") String event,
            @RequestParam(defaultValue = "") List<String> allField,
            @RequestParam(defaultValue = "") List<String> allOperator,
            @RequestParam(defaultValue = "") List<String> allValue,
            @RequestParam(defaultValue = "") List<String> anyField,
            @RequestParam(defaultValue = "") List<String> anyOperator,
            @RequestParam(defaultValue = "") List<String> anyValue,
            @RequestParam(defaultValue = "") List<String> actionField,
            @RequestParam(defaultValue = "") List<String> actionValue,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Rule current = rules.get(id, ruleId);
        RuleForm form = form(
                title,
                active,
                position,
                event,
                allField,
                allOperator,
                allValue,
                anyField,
                anyOperator,
                anyValue,
                actionField,
                actionValue);
        try {
            rules.update(id, ruleId, form.request(position(position)));
            redirect.addFlashAttribute("notice", "Rule saved.");
            return "redirect:/connections/" + id + "/rules/" + ruleId;
        } catch (RecordInvalidException e) {
            return refused(id, current, form, e.getMessage(), model, response);
        }
    }

    @PostMapping("/connections/{id}/rules/{ruleId}/delete")
    String delete(@PathVariable long id, @PathVariable long ruleId, RedirectAttributes redirect) {
        Rule rule = rules.get(id, ruleId);
        rules.delete(id, ruleId);
        redirect.addFlashAttribute("notice", "Rule \"" + Formats.echo(rule.title()) + "\" deleted.");
        return "redirect:/connections/" + id + "/rules";
    }

    @GetMapping("/connections/{id}/rules/{ruleId}/history")
    String history(@PathVariable long id, @PathVariable long ruleId, Model model) {
        model.addAttribute("connection", connections.get(id));
        model.addAttribute("rule", rules.get(id, ruleId));
        model.addAttribute("history", rules.history(id, ruleId, HISTORY_SIZE));
        return "console/rule-history";
    }

    private static RuleForm form(
            String title,
            String active,
            String position,
            String event,
            List<String> allField,
            List<String> allOperator,
            List<String> allValue,
            List<String> anyField,
            List<String> anyOperator,
            List<String> anyValue,
            List<String> actionField,
            List<String> actionValue) {
        return new RuleForm(
                title.strip(),
                "true".equals(active) || "on".equals(active),
                position.strip(),
                event.strip(),
                RuleForm.rows(allField, allOperator, allValue),
                RuleForm.rows(anyField, anyOperator, anyValue),
                RuleForm.rows(actionField, List.of(), actionValue));
    }

    /** A blank position means "after the last rule" (or unchanged); anything else must be a number. */
    private static Integer position(String position) {
        String text = position.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,7}")) {
            throw new RecordInvalidException(
                    "position",
                    "InvalidValue",
                    "Position must be a whole number from 0 to 1000000; it is \"" + Formats.echo(text) + "\"");
        }
        return Integer.valueOf(text);
    }

    private String refused(
            long id, Rule rule, RuleForm form, String problem, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("problem", problem);
        return editor(id, rule, form.withBlankRows(), model);
    }

    private String editor(long id, Rule rule, RuleForm form, Model model) {
        model.addAttribute("connection", connections.get(id));
        model.addAttribute("rule", rule);
        model.addAttribute("form", form);
        model.addAttribute("vocabulary", rules.vocabulary(id));
        return "console/rule";
    }
}
