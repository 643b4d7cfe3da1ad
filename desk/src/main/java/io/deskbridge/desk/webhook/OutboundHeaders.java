package io.deskbridge.desk.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The headers of a webhook request, and the rules for the headers admins may add. */
final class OutboundHeaders {

    static final String SIGNATURE = "X-Zendesk-Webhook-Signature";
    static final String SIGNATURE_TIMESTAMP = "X-Zendesk-Webhook-Signature-Timestamp";
    static final String WEBHOOK_ID = "x-zendesk-webhook-id";
    static final String INVOCATION_ID = "x-zendesk-webhook-invocation-id";
    static final String ACCOUNT_ID = "x-zendesk-account-id";
    static final String USER_AGENT = "Deskbridge-Webhook/1.0 (Zendesk-compatible)";

    /** Zendesk's limit on custom headers per webhook. */
    static final int MAX_CUSTOM_HEADERS = 5;

    static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

    /** Headers desk sets itself, or that the HTTP client controls: admins may not set or override them. */
    static final Set<String> RESERVED = Set.of(
            "authorization",
            "connection",
            "content-length",
            "content-type",
            "date",
            "expect",
            "from",
            "host",
            "keep-alive",
            "origin",
            "proxy-authorization",
            "proxy-connection",
            "referer",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "user-agent",
            "via",
            "warning");

    private OutboundHeaders() {}

    /** Why {@code name} cannot be a custom or api_key header, or null when it can. */
    static String problemWithName(String name) {
        if (!TOKEN.matcher(name).matches()) {
            return "\"" + shorten(name) + "\" is not a valid HTTP header name (letters, digits and !#$%&'*+.^_`|~-, "
                    + "at most 128)";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || lower.startsWith("x-zendesk-")) {
            return name + " is set by desk itself and cannot be overridden";
        }
        return null;
    }

    /** Why {@code value} cannot be a header value, or null when it can. */
    static String problemWithValue(String name, String value) {
        if (value.length() > 1000) {
            return "the value of " + name + " is " + value.length() + " characters; the maximum is 1000";
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            return "the value of " + name + " contains a line break";
        }
        return null;
    }

    /**
     * Everything a delivery sends: content type, Zendesk's identification and signature headers,
     * the admin's custom headers, and the credential.
     *
     * @param webhook its id 0 for a test of a webhook not created yet (no webhook id header then)
     * @param invocationId null for a test request
     * @param credential the password, token or key value; null without authentication
     */
    static Map<String, String> of(
            Webhook webhook,
            String credential,
            String signingSecret,
            Long invocationId,
            long accountId,
            String timestamp,
            String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", USER_AGENT);
        headers.put(ACCOUNT_ID, String.valueOf(accountId));
        if (webhook.id() > 0) {
            headers.put(WEBHOOK_ID, String.valueOf(webhook.id()));
        }
        if (invocationId != null) {
            headers.put(INVOCATION_ID, String.valueOf(invocationId));
        }
        headers.put(SIGNATURE, WebhookSigner.sign(signingSecret, timestamp, body == null ? "" : body));
        headers.put(SIGNATURE_TIMESTAMP, timestamp);
        headers.putAll(webhook.customHeaders());
        WebhookAuthentication auth = webhook.authentication();
        if (auth != null && credential != null) {
            switch (auth.type()) {
                case BASIC_AUTH:
                    headers.put(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((auth.publicPart() + ":" + credential)
                                                    .getBytes(StandardCharsets.UTF_8)));
                    break;
                case BEARER_TOKEN:
                    headers.put("Authorization", "Bearer " + credential);
                    break;
                case API_KEY:
                    headers.put(auth.publicPart(), credential);
                    break;
                default:
                    throw new IllegalStateException("Unknown authentication " + auth.type());
            }
        }
        return headers;
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
