package io.deskbridge.desk.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A webhook in Zendesk's JSON shape (ids as strings). Never a secret. */
record WebhookJson(
        String id,
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String description,
        String status,
        String endpoint,
        String httpMethod,
        String requestFormat,
        List<String> subscriptions,
        @JsonInclude(JsonInclude.Include.NON_NULL) AuthenticationJson authentication,
        Map<String, String> customHeaders,
        String createdAt,
        String createdBy,
        String updatedAt,
        String updatedBy) {

    static WebhookJson of(Webhook w) {
        return new WebhookJson(
                String.valueOf(w.id()),
                w.name(),
                w.description(),
                w.status().wireName(),
                w.endpoint(),
                w.httpMethod(),
                w.requestFormat(),
                w.subscriptions(),
                w.authentication() == null ? null : AuthenticationJson.of(w.authentication()),
                w.customHeaders(),
                WebhookSigner.timestamp(w.createdAt()),
                actor(w.createdBy()),
                WebhookSigner.timestamp(w.updatedAt()),
                actor(w.updatedBy()));
    }

    /** {@code type}, {@code add_position}, and the non-secret part of {@code data} (none for a bearer token). */
    record AuthenticationJson(
            String type,
            String addPosition,
            @JsonInclude(JsonInclude.Include.NON_NULL) AuthenticationData data) {

        static AuthenticationJson of(WebhookAuthentication auth) {
            AuthenticationData data = switch (auth.type()) {
                case BASIC_AUTH -> new AuthenticationData(auth.publicPart(), null);
                case API_KEY -> new AuthenticationData(null, auth.publicPart());
                default -> null;
            };
            return new AuthenticationJson(auth.type().wireName(), auth.addPosition(), data);
        }
    }

    /** {@code {"username": …}} for basic auth, {@code {"name": …}} for an API key. */
    record AuthenticationData(
            @JsonInclude(JsonInclude.Include.NON_NULL) String username,
            @JsonInclude(JsonInclude.Include.NON_NULL) String name) {}

    /** One invocation of a webhook: an event and how its delivery went. */
    record InvocationJson(
            String id,
            String eventId,
            String eventType,
            String status,
            int attempts,
            Integer latestStatus,
            Long latestLatencyMs,
            String latestError,
            String createdAt,
            String latestCompletedAt) {

        static InvocationJson of(WebhookInvocation i) {
            return new InvocationJson(
                    String.valueOf(i.id()),
                    i.eventId(),
                    i.eventType(),
                    i.state().wireName(),
                    i.attempts(),
                    i.lastStatusCode(),
                    i.lastLatencyMs(),
                    i.lastError(),
                    WebhookSigner.timestamp(i.createdAt()),
                    i.completedAt() == null ? null : WebhookSigner.timestamp(i.completedAt()));
        }
    }

    /** One delivery attempt of an invocation. */
    record AttemptJson(
            String id,
            String invocationId,
            int attempt,
            String status,
            ResponseSummary response,
            String error,
            long latencyMs,
            String startedAt) {

        static AttemptJson of(WebhookAttempt a) {
            return new AttemptJson(
                    String.valueOf(a.id()),
                    String.valueOf(a.invocationId()),
                    a.attempt(),
                    a.outcome().wireName(),
                    new ResponseSummary(a.statusCode()),
                    a.error(),
                    a.latencyMs(),
                    WebhookSigner.timestamp(a.startedAt()));
        }
    }

    record ResponseSummary(Integer status) {}

    /** A response header as Zendesk lists them: {@code {"key": …, "value": …}}. */
    record Header(String key, String value) {

        static List<Header> of(java.net.http.HttpHeaders headers) {
            return headers.map().entrySet().stream()
                    .filter(e -> !e.getKey().startsWith(":"))
                    .flatMap(e -> e.getValue().stream().map(v -> new Header(e.getKey(), v)))
                    .toList();
        }
    }

    private static String actor(Long userId) {
        return userId == null ? "-1" : String.valueOf(userId);
    }
}
