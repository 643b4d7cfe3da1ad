package io.deskbridge.sync.automation;

import io.deskbridge.sync.address.InvalidAddressException;
import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.address.ZendeskAddresses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * One signed POST to a rule's endpoint, through sync's outbound address policy (the endpoint's host
 * is resolved and classified before every request, as for Zendesk calls; redirects are not followed).
 */
final class Notifier {

    /** How one attempt ended: delivered (2xx), refused for good (other 4xx, policy), or worth a retry. */
    enum Result {
        DELIVERED,
        REFUSED,
        RETRY
    }

    record Attempt(Result result, String detail) {}

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    Notifier(Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.clock = clock;
    }

    Attempt post(String url, long deliveryId, String secret, byte[] body) {
        URI uri = URI.create(url);
        try {
            ZendeskAddresses.requireCallable(ZendeskAddress.ofBaseUrl(uri.getScheme() + "://" + uri.getRawAuthority()));
        } catch (InvalidAddressException e) {
            return new Attempt(
                    Result.REFUSED,
                    "not sent: " + e.getMessage().replace("The Zendesk address's host", "The endpoint's host"));
        }
        String timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Deskbridge-sync/0.1 (automation rules)")
                .header(Signatures.DELIVERY, Long.toString(deliveryId))
                .header(Signatures.TIMESTAMP, timestamp)
                .header(Signatures.SIGNATURE, Signatures.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return new Attempt(
                    Result.RETRY,
                    "no answer from " + uri.getHost() + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(Result.RETRY, "interrupted while waiting for " + uri.getHost());
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Attempt(Result.DELIVERED, "HTTP " + status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Attempt(Result.RETRY, "HTTP " + status);
        }
        return new Attempt(Result.REFUSED, "HTTP " + status + " (the endpoint refused it; not retried)");
    }
}
