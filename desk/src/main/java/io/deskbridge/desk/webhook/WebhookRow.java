package io.deskbridge.desk.webhook;

import java.util.List;
import java.util.Map;

/** The columns of a webhook that create and update write (sealed columns have their own writes). */
record WebhookRow(
        String name,
        String description,
        WebhookStatus status,
        String endpoint,
        String httpMethod,
        String requestFormat,
        List<String> subscriptions,
        Map<String, String> customHeaders,
        WebhookAuthentication authentication) {

    static WebhookRow of(Webhook w) {
        return new WebhookRow(
                w.name(),
                w.description(),
                w.status(),
                w.endpoint(),
                w.httpMethod(),
                w.requestFormat(),
                w.subscriptions(),
                w.customHeaders(),
                w.authentication());
    }
}
