package io.deskbridge.sync.console;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** A rule's condition and action values as the editor shows them, for templates ({@code @ruleValues}). */
@Component("ruleValues")
public class RuleValues {

    public String text(JsonNode value) {
        return RuleForm.text(value);
    }
}
