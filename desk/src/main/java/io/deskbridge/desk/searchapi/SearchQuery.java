package io.deskbridge.desk.searchapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed Zendesk search query: {@code type:ticket status<solved "exact phrase" free words
 * tags:vip -tags:spam created>2026-01-01}.
 */
record SearchQuery(String type, List<Condition> conditions, List<String> words, List<String> phrases) {

    /** {@code keyword op value}, op one of {@code : < > <= >=}; {@code negated} for a leading '-'. */
    record Condition(String keyword, String op, String value, boolean negated) {}

    static SearchQuery parse(String query) {
        String type = null;
        List<Condition> conditions = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (String token : tokens(query)) {
            if (token.startsWith("\"") && token.endsWith("\"") && token.length() >= 2) {
                String phrase = token.substring(1, token.length() - 1).trim();
                if (!phrase.isEmpty()) {
                    phrases.add(phrase);
                }
                continue;
            }
            boolean negated = token.startsWith("-") && token.length() > 1;
            String body = negated ? token.substring(1) : token;
            int at = operatorIndex(body);
            if (at > 0) {
                String keyword = body.substring(0, at).toLowerCase(Locale.ROOT);
                String op = body.startsWith("<=", at) || body.startsWith(">=", at)
                        ? body.substring(at, at + 2)
                        : body.substring(at, at + 1);
                String value = unquote(body.substring(at + op.length()));
                if (keyword.equals("type") && op.equals(":") && !negated) {
                    type = value.toLowerCase(Locale.ROOT);
                } else {
                    conditions.add(new Condition(keyword, op, value, negated));
                }
            } else {
                words.add(token);
            }
        }
        return new SearchQuery(type, conditions, words, phrases);
    }

    /** Splits on spaces outside quotes; a quoted value after an operator stays with it. */
    private static List<String> tokens(String query) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : query.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static int operatorIndex(String token) {
        if (token.startsWith("\"")) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == ':' || c == '<' || c == '>') {
                return i;
            }
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return -1;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
