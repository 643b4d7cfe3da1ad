package io.deskbridge.sync.zendesk;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One answer from a Zendesk-compatible API.
 *
 * @param url what was asked (path and query; never credentials)
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the parsed JSON body, or null when the body was empty or not JSON
 * @param text the first 2,000 characters of a non-JSON body (Zendesk's 429 body is text), else ""
 * @param rateLimits the rate-limit headers, read
 * @param elapsed how long the exchange took
 * @param raw the body's bytes, unparsed, for a 2xx JSON answer to {@link ZendeskHttp#getRaw} (then
 *     {@code body} is null: the caller reads the bytes its own way); else null
 */
public record ZendeskResponse(
        URI url,
        int status,
        HttpHeaders headers,
        JsonNode body,
        String text,
        RateLimits rateLimits,
        Duration elapsed,
        byte[] raw) {

    public ZendeskResponse(
            URI url,
            int status,
            HttpHeaders headers,
            JsonNode body,
            String text,
            RateLimits rateLimits,
            Duration elapsed) {
        this(url, status, headers, body, text, rateLimits, elapsed, null);
    }

    /** Whether the answer carried JSON: parsed into {@code body}, or kept as {@code raw} bytes. */
    public boolean hasJson() {
        return body != null || raw != null;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** Whether the answer looks like it came from a Zendesk-compatible API (JSON, or Zendesk's headers). */
    public boolean zendeskShaped() {
        return hasJson() || rateLimits.account() != null;
    }

    /**
     * Zendesk's error text for diagnostics and run history: {@code error} (string or object with
     * {@code title}/{@code message}), {@code description}, or the first {@code errors[].title}.
     */
    public String errorSummary() {
        if (body == null) {
            return text.isBlank() ? "HTTP " + status : "HTTP " + status + ": " + text.strip();
        }
        StringBuilder out = new StringBuilder("HTTP ").append(status);
        JsonNode error = body.get("error");
        if (error != null && error.isString()) {
            out.append(' ').append(error.asString());
        } else if (error != null && error.isObject()) {
            appendText(out, error.get("title"));
            appendText(out, error.get("message"));
        }
        appendText(out, body.get("description"));
        JsonNode errors = body.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            appendText(out, first.get("code"));
            appendText(out, first.get("title"));
            appendText(out, first.get("detail"));
        }
        return out.toString();
    }

    private static void appendText(StringBuilder out, JsonNode node) {
        if (node != null && node.isString() && !node.asString().isBlank()) {
            out.append(out.length() > 8 ? ": " : " ").append(node.asString());
        }
    }
}
