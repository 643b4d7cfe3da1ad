package io.deskbridge.sync.cli;

import tools.jackson.databind.JsonNode;

/** sync answered with an error status; {@link #getMessage()} is the Zendesk-shaped body, as text. */
final class ApiErrorException extends RuntimeException {

    private final int status;
    private final String body;

    ApiErrorException(int status, String message, String body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    /** The raw response body, for {@code --json}. */
    String body() {
        return body;
    }

    /**
     * The message of an error body in any of Zendesk's shapes: {@code {"error": "Couldn't authenticate
     * you"}}, {@code {"error": code, "description": text}}, {@code RecordInvalid} with {@code details}
     * (each field's descriptions), {@code {"error": {"title", "message"}}}, {@code {"errors": [..]}}.
     */
    static ApiErrorException of(int status, String body, JsonNode json) {
        StringBuilder message = new StringBuilder();
        if (json != null && json.isObject()) {
            JsonNode error = json.path("error");
            if (error.isObject()) {
                append(message, Json.text(error, "title"));
                append(message, Json.text(error, "message"));
            } else {
                append(message, Json.text(json, "error"));
                append(message, Json.text(json, "description"));
            }
            JsonNode details = json.path("details");
            if (details.isObject()) {
                for (var field : details.properties()) {
                    for (JsonNode problem : field.getValue()) {
                        String description = Json.text(problem, "description");
                        message.append("\n  ")
                                .append(field.getKey())
                                .append(": ")
                                .append(description == null ? Json.text(problem, "error") : description);
                    }
                }
            }
            for (JsonNode each : json.path("errors")) {
                String text = each.isString() ? each.asString() : Json.text(each, "title");
                message.append("\n  ").append(text);
            }
        }
        if (message.isEmpty()) {
            message.append("HTTP ").append(status).append(" without an error body");
        }
        return new ApiErrorException(status, message.toString(), body);
    }

    private static void append(StringBuilder message, String part) {
        if (part != null && !part.isBlank()) {
            message.append(message.isEmpty() ? "" : ": ").append(part);
        }
    }
}
