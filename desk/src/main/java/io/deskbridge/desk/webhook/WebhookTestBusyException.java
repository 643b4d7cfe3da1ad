package io.deskbridge.desk.webhook;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.ZendeskError;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 429: as many webhook tests as desk runs at once are already running. */
public class WebhookTestBusyException extends ApiException {

    WebhookTestBusyException(int running) {
        super(HttpStatus.TOO_MANY_REQUESTS, running + " webhook tests are already running; try again in a second");
    }

    @Override
    public ZendeskError body() {
        return ZendeskError.described("TooManyWebhookTests", getMessage());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "1");
    }
}
