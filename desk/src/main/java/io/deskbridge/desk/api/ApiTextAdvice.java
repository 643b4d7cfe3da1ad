package io.deskbridge.desk.api;

import java.lang.reflect.Type;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every JSON request body of the API is checked against {@link TextRules} once it is read, before a
 * controller sees it: every string and every property name, at any depth. One place, so a new
 * endpoint cannot forget it. The 422 names the property that holds the text.
 */
@ControllerAdvice(annotations = RestController.class)
class ApiTextAdvice extends RequestBodyAdviceAdapter {

    private final ObjectMapper json;

    ApiTextAdvice(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof JsonNode node) {
            check("body", node);
        } else if (body != null) {
            check("body", json.valueToTree(body));
        }
        return body;
    }

    private static void check(String field, JsonNode node) {
        if (node.isString()) {
            TextRules.check(field, node.stringValue());
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                check(field, item);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                TextRules.check(field, property.getKey());
                check(property.getKey().isEmpty() ? field : property.getKey(), property.getValue());
            }
        }
    }
}
