package io.deskbridge.desk.api;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Zendesk's open-ended values ({@code user_fields}, {@code organization_fields}) as JSON trees for wire records. */
public final class OpenValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenValues() {}

    public static JsonNode tree(Map<String, Object> values) {
        return JSON.valueToTree(values);
    }
}
