package io.deskbridge.desk.webhook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The desk of the webhook tests (one shared context): receivers run on 127.0.0.1, so private
 * targets are allowed; polling, timeouts and backoff are short so retries finish in about a second.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@TestPropertySource(
        properties = {
            "desk.webhooks.allow-private-targets=true",
            "desk.webhooks.poll-interval=50ms",
            "desk.webhooks.connect-timeout=1s",
            "desk.webhooks.request-timeout=2s",
            "desk.webhooks.claim-lease=5s",
            "desk.webhooks.backoff-base=100ms",
            "desk.webhooks.backoff-cap=400ms",
            "desk.webhooks.max-attempts=5",
            "desk.webhooks.deactivate-after-failed-events=2"
        })
@interface FastWebhooks {}
