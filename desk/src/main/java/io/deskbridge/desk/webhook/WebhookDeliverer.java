package io.deskbridge.desk.webhook;

import io.deskbridge.desk.secret.SecretUnreadableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * One attempt of one claimed invocation: re-check the endpoint, sign, send, record. Logs name the
 * webhook and invocation, never the endpoint (its query string may hold a token) or a secret.
 */
@Component
class WebhookDeliverer {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    private final WebhookSecrets secrets;
    private final EndpointPolicy policy;
    private final WebhookSender sender;
    private final InvocationLedger ledger;
    private final AttemptRecorder recorder;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookDeliverer(
            WebhookSecrets secrets,
            EndpointPolicy policy,
            WebhookSender sender,
            InvocationLedger ledger,
            AttemptRecorder recorder,
            WebhookProperties properties,
            Clock clock) {
        this.secrets = secrets;
        this.policy = policy;
        this.sender = sender;
        this.ledger = ledger;
        this.recorder = recorder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Delivers with the webhook as read for the invocation's batch (empty: deleted meanwhile). */
    void deliver(ClaimedInvocation invocation, Optional<StoredWebhook> stored) {
        try {
            if (stored.isEmpty()) {
                return; // deleted meanwhile; its invocations went with it
            }
            Webhook webhook = stored.get().webhook();
            if (webhook.status() != WebhookStatus.ACTIVE) {
                ledger.cancel(invocation);
                return;
            }
            Instant startedAt = clock.instant();
            AttemptResult result = attempt(stored.get(), invocation);
            recorder.submit(new AttemptRecorder.Finished(invocation, webhook, result, startedAt));
        } catch (InterruptedException e) {
            // Shutting down: the lease runs out and another attempt follows, here or elsewhere.
            Thread.currentThread().interrupt();
        } catch (DataAccessException e) {
            log.warn(
                    "Could not record attempt {} of webhook invocation {}: {}",
                    invocation.attempts() + 1,
                    invocation.id(),
                    e.getMostSpecificCause().getMessage());
        }
    }

    private AttemptResult attempt(StoredWebhook stored, ClaimedInvocation invocation) throws InterruptedException {
        long started = System.nanoTime();
        Webhook webhook = stored.webhook();
        try {
            URI endpoint = policy.check(webhook.endpoint());
            Map<String, String> headers = OutboundHeaders.of(
                    webhook,
                    secrets.openCredential(stored),
                    secrets.openSigningSecret(stored),
                    invocation.id(),
                    properties.accountId(),
                    WebhookSigner.timestamp(clock.instant()),
                    invocation.payload());
            WebhookSender.Exchange response =
                    sender.send(endpoint, webhook.httpMethod(), headers, invocation.payload(), false);
            return AttemptResult.ofStatus(response.status(), millisSince(started), retryAfter(response));
        } catch (EndpointPolicy.EndpointRefusedException e) {
            return AttemptResult.failure(
                    e.isTransient() ? AttemptOutcome.RETRYABLE : AttemptOutcome.PERMANENT,
                    millisSince(started),
                    "endpoint refused: " + e.getMessage());
        } catch (HttpConnectTimeoutException e) {
            return AttemptResult.failure(
                    AttemptOutcome.RETRYABLE,
                    millisSince(started),
                    "connect timed out after " + properties.connectTimeout().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return AttemptResult.failure(
                    AttemptOutcome.RETRYABLE,
                    millisSince(started),
                    "no response within " + properties.requestTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return AttemptResult.failure(AttemptOutcome.RETRYABLE, millisSince(started), describe(e));
        } catch (SecretUnreadableException e) {
            return AttemptResult.failure(AttemptOutcome.PERMANENT, millisSince(started), e.getMessage());
        } catch (IllegalArgumentException e) {
            return AttemptResult.failure(
                    AttemptOutcome.PERMANENT,
                    millisSince(started),
                    "request refused by the HTTP client: " + describe(e));
        }
    }

    /** A numeric Retry-After (seconds); Zendesk's receivers send that form. */
    private static Duration retryAfter(WebhookSender.Exchange response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(v -> v.strip().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
                .orElse(null);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return text.length() <= 300 ? text : text.substring(0, 300);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
