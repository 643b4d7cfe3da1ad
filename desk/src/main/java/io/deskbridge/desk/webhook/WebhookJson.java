package io.deskbridge.desk.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Webhooks, invocations and attempts in Zendesk's JSON shape. Never a secret. */
final class WebhookJson {

    private WebhookJson() {}

    static Map<String, Object> webhook(Webhook w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(w.id()));
        m.put("name", w.name());
        if (w.description() != null) {
            m.put("description", w.description());
        }
        m.put("status", w.status().wireName());
        m.put("endpoint", w.endpoint());
        m.put("http_method", w.httpMethod());
        m.put("request_format", w.requestFormat());
        m.put("subscriptions", w.subscriptions());
        if (w.authentication() != null) {
            m.put("authentication", authentication(w.authentication()));
        }
        m.put("custom_headers", w.customHeaders());
        m.put("created_at", WebhookSigner.timestamp(w.createdAt()));
        m.put("created_by", actor(w.createdBy()));
        m.put("updated_at", WebhookSigner.timestamp(w.updatedAt()));
        m.put("updated_by", actor(w.updatedBy()));
        return m;
    }

    /** {@code type}, {@code add_position}, and the non-secret part of {@code data}. */
    static Map<String, Object> authentication(WebhookAuthentication auth) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", auth.type().wireName());
        m.put("add_position", auth.addPosition());
        switch (auth.type()) {
            case BASIC_AUTH:
                m.put("data", Map.of("username", auth.publicPart()));
                break;
            case API_KEY:
                m.put("data", Map.of("name", auth.publicPart()));
                break;
            default:
                break;
        }
        return m;
    }

    static Map<String, Object> invocation(WebhookInvocation i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(i.id()));
        m.put("event_id", i.eventId());
        m.put("event_type", i.eventType());
        m.put("status", i.state().wireName());
        m.put("attempts", i.attempts());
        m.put("latest_status", i.lastStatusCode());
        m.put("latest_latency_ms", i.lastLatencyMs());
        m.put("latest_error", i.lastError());
        m.put("created_at", WebhookSigner.timestamp(i.createdAt()));
        m.put("latest_completed_at", i.completedAt() == null ? null : WebhookSigner.timestamp(i.completedAt()));
        return m;
    }

    static Map<String, Object> attempt(WebhookAttempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(a.id()));
        m.put("invocation_id", String.valueOf(a.invocationId()));
        m.put("attempt", a.attempt());
        m.put("status", a.outcome().wireName());
        m.put("response", responseSummary(a));
        m.put("error", a.error());
        m.put("latency_ms", a.latencyMs());
        m.put("started_at", WebhookSigner.timestamp(a.startedAt()));
        return m;
    }

    static List<Map<String, Object>> headers(java.net.http.HttpHeaders headers) {
        return headers.map().entrySet().stream()
                .filter(e -> !e.getKey().startsWith(":"))
                .flatMap(e -> e.getValue().stream().map(v -> header(e.getKey(), v)))
                .toList();
    }

    private static Map<String, Object> responseSummary(WebhookAttempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.statusCode());
        return m;
    }

    private static Map<String, Object> header(String key, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("value", value);
        return m;
    }

    private static String actor(Long userId) {
        return userId == null ? "-1" : String.valueOf(userId);
    }
}
