package io.deskbridge.desk.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client webhooks use: connect and request timeouts from {@code desk.webhooks.*},
 * HTTP/1.1, no redirects (a redirect could point anywhere, past the endpoint checks), no proxy.
 * Runs only on dispatcher and test threads, never on a request thread.
 */
@Component
class WebhookSender {

    /** How much of a response body the test endpoint shows. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Set<String> BODYLESS_METHODS = Set.of("GET", "DELETE");

    private final HttpClient http;
    private final WebhookProperties properties;

    WebhookSender(WebhookProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    /** A response: its status, headers, and (when asked for) the first 64 KiB of its body. */
    record Exchange(int status, HttpHeaders headers, String body) {}

    /**
     * Sends one request. GET and DELETE carry no body.
     *
     * @throws java.net.http.HttpTimeoutException when connecting or the response headers take too long
     * @throws IOException when the connection fails
     * @throws IllegalArgumentException when the client refuses a header
     */
    Exchange send(URI endpoint, String method, Map<String, String> headers, String body, boolean readBody)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(properties.requestTimeout())
                .method(
                        method,
                        BODYLESS_METHODS.contains(method) || body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream stream = response.body()) {
            String text = readBody ? new String(stream.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8) : null;
            return new Exchange(response.statusCode(), response.headers(), text);
        }
    }
}
