package io.deskbridge.desk.businessrule;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A rule create or update; empty means not sent. */
record RuleWrite(
        Optional<String> title,
        Optional<String> description,
        Optional<Boolean> active,
        Optional<Integer> position,
        Optional<JsonNode> conditions,
        Optional<JsonNode> actions,
        Optional<JsonNode> execution,
        Optional<JsonNode> categoryId) {}
