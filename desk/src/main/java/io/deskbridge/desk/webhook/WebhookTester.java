package io.deskbridge.desk.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.deskbridge.desk.api.JsonText;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code POST /api/v2/webhooks/test}: sends one request now and reports the endpoint's answer, as
 * Zendesk does. Zendesk's contract is synchronous, so the API thread waits, but the call itself runs
 * on a small pool of its own, the wait is bounded by the webhook timeouts, and at most
 * {@link #MAX_CONCURRENT} tests run at once (more are refused with 429). Tests are not retried and
 * not logged as invocations.
 *
 * <p>A test of an existing webhook ({@code webhook_id}) is signed with its secret and sends its
 * credential and custom headers; a test of a webhook not created yet is signed with Zendesk's
 * documented static test secret.
 *
 * <p>Decision (issue 10): a test of an existing webhook aimed at another endpoint than the stored one
 * is sent as a test of an unsaved webhook: no stored credential, no custom headers, and the static
 * test secret. Otherwise anyone allowed to run tests could send the webhook's credential to an address
 * of their choosing, or have desk sign a body of their choosing with the real secret (a forgery
 * oracle against the real receiver). Zendesk's documentation does not say what it does here; "another
 * endpoint" is any endpoint string that differs from the stored one, so a mere spelling change is
 * treated as another endpoint, the safe side.
 */
@Component
class WebhookTester {

    static final int MAX_CONCURRENT = 4;

    /** Zendesk's documented signing secret for tests of webhooks that do not exist yet. */
    static final String STATIC_TEST_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";

    /** A test request; null fields come from the webhook (or defaults when there is none). */
    record TestRequest(
            String endpoint,
            String httpMethod,
            String requestFormat,
            Map<String, String> headers,
            String payload,
            Long webhookId) {}

    private final WebhookRepository repository;
    private final WebhookSecrets secrets;
    private final EndpointPolicy policy;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT);
    private final ExecutorService pool = Executors.newFixedThreadPool(MAX_CONCURRENT, task -> {
        Thread thread = new Thread(task, "webhook-test");
        thread.setDaemon(true);
        return thread;
    });

    WebhookTester(
            WebhookRepository repository,
            WebhookSecrets secrets,
            EndpointPolicy policy,
            WebhookSender sender,
            WebhookProperties properties,
            Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.policy = policy;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Zendesk's {@code response} object: {@code status}, {@code headers}, {@code body}; when the
     * endpoint gave no answer, null status and body, no headers, and {@code error} saying why.
     */
    record TestResult(
            Integer status,
            List<WebhookJson.Header> headers,
            String body,
            @JsonInclude(JsonInclude.Include.NON_NULL) String error) {}

    TestResult run(TestRequest request) {
        StoredWebhook stored = request.webhookId() == null
                ? null
                : repository
                        .findById(request.webhookId())
                        .orElseThrow(() -> WebhookNotFoundException.forId(String.valueOf(request.webhookId())));
        Webhook webhook = stored == null ? null : stored.webhook();
        String endpoint = request.endpoint() != null ? request.endpoint() : webhook == null ? null : webhook.endpoint();
        if (endpoint == null || endpoint.isBlank()) {
            throw WebhookInvalidException.blank("request.endpoint");
        }
        String method =
                request.httpMethod() != null ? request.httpMethod() : webhook == null ? "POST" : webhook.httpMethod();
        if (!Webhooks.HTTP_METHODS.contains(method)) {
            throw WebhookInvalidException.field(
                    "request.http_method",
                    "\"" + method + "\" is not one of " + String.join(", ", Webhooks.HTTP_METHODS));
        }
        if (request.requestFormat() != null && !"json".equals(request.requestFormat())) {
            throw WebhookInvalidException.field(
                    "request.request_format",
                    "\"" + request.requestFormat() + "\" is not supported: desk sends json only");
        }
        URI uri;
        try {
            uri = policy.check(endpoint);
        } catch (EndpointPolicy.EndpointRefusedException e) {
            throw WebhookInvalidException.field("request.endpoint", e.getMessage());
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String problem = OutboundHeaders.problemWithName(header.getKey());
            if (problem == null) {
                problem = OutboundHeaders.problemWithValue(header.getKey(), header.getValue());
            }
            if (problem != null) {
                throw WebhookInvalidException.field("request.headers", problem);
            }
        }
        String body = request.payload() != null ? request.payload() : samplePayload(webhook);
        StoredWebhook trusted = stored != null && endpoint.equals(webhook.endpoint()) ? stored : null;
        Webhook signer = trusted != null ? webhook : unsavedWebhook(endpoint, method);
        Map<String, String> headers = OutboundHeaders.of(
                signer,
                trusted == null ? null : secrets.openCredential(trusted),
                trusted == null ? STATIC_TEST_SECRET : secrets.openSigningSecret(trusted),
                null,
                properties.accountId(),
                WebhookSigner.timestamp(clock.instant()),
                body);
        headers.putAll(request.headers());
        if (!slots.tryAcquire()) {
            throw new WebhookTestBusyException(MAX_CONCURRENT);
        }
        try {
            return response(call(uri, method, headers, body));
        } finally {
            slots.release();
        }
    }

    private Object call(URI uri, String method, Map<String, String> headers, String body) {
        Future<WebhookSender.Exchange> exchange = pool.submit(() -> sender.send(uri, method, headers, body, true));
        Duration limit =
                properties.connectTimeout().plus(properties.requestTimeout()).plusSeconds(2);
        try {
            return exchange.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return "no complete response within " + limit.toMillis() + " ms";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return "no response within " + properties.requestTimeout().toMillis() + " ms";
            }
            if (cause instanceof IOException || cause instanceof IllegalArgumentException) {
                return WebhookDeliverer.describe(cause);
            }
            throw new IllegalStateException("Webhook test failed unexpectedly", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return "interrupted";
        }
    }

    /** An exchange becomes Zendesk's response object; a failure, the same object with {@code error}. */
    private static TestResult response(Object outcome) {
        if (outcome instanceof WebhookSender.Exchange exchange) {
            return new TestResult(exchange.status(), WebhookJson.Header.of(exchange.headers()), exchange.body(), null);
        }
        return new TestResult(null, List.of(), null, String.valueOf(outcome));
    }

    /** Zendesk's test event: the usual envelope with an empty {@code detail} and {@code event}. */
    private String samplePayload(Webhook webhook) {
        return JsonText.write(new TicketEvents.Envelope<>(
                "zen:event-type:webhook.test",
                properties.accountId(),
                UUID.randomUUID().toString(),
                WebhookSigner.timestamp(clock.instant()),
                TicketEvents.EVENT_VERSION,
                webhook == null ? "zen:webhook:test" : "zen:webhook:" + webhook.id(),
                JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.objectNode()));
    }

    private Webhook unsavedWebhook(String endpoint, String method) {
        return new Webhook(
                0,
                "test",
                null,
                WebhookStatus.ACTIVE,
                endpoint,
                method,
                "json",
                List.of(),
                null,
                Map.of(),
                0,
                clock.instant(),
                null,
                clock.instant(),
                null);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
