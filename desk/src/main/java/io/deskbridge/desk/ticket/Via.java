package io.deskbridge.desk.ticket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Zendesk's {@code via}: the channel a ticket, comment or audit came through. {@code from}/{@code to}
 * are open-ended address objects in Zendesk; desk has none to show, so they are empty objects.
 */
public record Via(String channel, Source source) {

    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    public record Source(JsonNode from, JsonNode to, String rel) {}

    /**
     * Zendesk's via of a change a business rule made: channel {@code rule}, {@code source.rel}
     * {@code trigger} or {@code automation}, the rule's id and title in {@code source.from}.
     */
    public static Via rule(String rel, long ruleId, String title) {
        tools.jackson.databind.node.ObjectNode from = JsonNodeFactory.instance.objectNode();
        from.put("id", ruleId);
        from.put("title", title);
        from.put("deleted", false);
        return new Via("rule", new Source(from, EMPTY, rel));
    }

    public static Via of(String channel) {
        return new Via(channel, new Source(EMPTY, EMPTY, null));
    }
}
