package io.deskbridge.desk.businessrule;

import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zendesk's {@code {{placeholder}}} substitution in a rule's webhook body and notifications.
 *
 * <p>Decisions. A placeholder desk does not know becomes empty, as in Zendesk. Values are escaped as
 * JSON string content when {@code json} is set: a webhook body is JSON (n8n's is
 * {@code {"ticket.id":"{{ticket.id}}"}}) and a subject with a quote must not break it; Zendesk also
 * escapes placeholders in JSON webhook bodies. Spaces inside the braces are allowed
 * ({@code {{ ticket.id }}}), as Liquid allows them.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.]+)\\s*}}");

    private Placeholders() {}

    static String render(String template, UnaryOperator<String> values, boolean json) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.apply(m.group(1).toLowerCase(Locale.ROOT));
            String text = value == null ? "" : json ? jsonEscape(value) : value;
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
