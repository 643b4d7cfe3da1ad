package io.deskbridge.sync.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP Basic exchange with sync's REST API per call. The password is asked for (or read from the
 * environment) on the first call only and lives in this object's Authorization header, nowhere else.
 */
final class SyncApi {

    /** Diagnostics call Zendesk a dozen times; give them time before calling sync unreachable. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final URI base;
    private final String email;
    private final Supplier<String> password;
    private final HttpClient http;
    private String authorization;

    SyncApi(URI base, String email, Supplier<String> password) {
        this.base = base;
        this.email = email;
        this.password = password;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI base() {
        return base;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String jsonBody) {
        return send("POST", path, jsonBody);
    }

    /** The response of a 2xx answer; an error status throws {@link ApiErrorException}. */
    record Answer(int status, String body, JsonNode json) {

        /** The body as one of the API's records. */
        <T> T as(Class<T> type) {
            return Json.MAPPER.treeToValue(json, type);
        }
    }

    private Answer send(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", authorization())
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("did not accept a connection within 5 s");
        } catch (HttpTimeoutException e) {
            throw unreachable(
                    "did not answer " + method + " " + path + " within " + REQUEST_TIMEOUT.toMinutes() + " minutes");
        } catch (ConnectException e) {
            throw unreachable(
                    e.getCause() instanceof UnresolvedAddressException
                            ? "is an unknown host"
                            : "refused the connection");
        } catch (IOException e) {
            throw unreachable(
                    "failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("Interrupted while waiting for " + base);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() >= 400) {
            throw ApiErrorException.of(response.statusCode(), response.body(), json);
        }
        if (json == null && !response.body().isEmpty()) {
            String type = response.headers().firstValue("Content-Type").orElse("no content type");
            throw new UnreachableException(base + " answered " + method + " " + path + " with HTTP "
                    + response.statusCode() + " and " + type + ", not JSON: is --url / SYNC_URL sync's address?");
        }
        return new Answer(response.statusCode(), response.body(), json);
    }

    private UnreachableException unreachable(String why) {
        return new UnreachableException("Cannot reach sync at " + base + ": it " + why
                + ". Is sync running there? Set the address with --url or SYNC_URL.");
    }

    private String authorization() {
        if (authorization == null) {
            String credentials = email + ":" + password.get();
            authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        }
        return authorization;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
