package io.deskbridge.desk.ticket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Zendesk's {@code metadata} of comments and audits: open-ended {@code system} and {@code custom} objects. */
public record Metadata(JsonNode system, JsonNode custom) {

    static final Metadata EMPTY =
            new Metadata(JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode());
}
