package io.deskbridge.sync.zendesk;

import io.deskbridge.sync.address.InvalidAddressException;
import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.address.ZendeskAddresses;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.connection.OAuthCredential;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP exchange with a Zendesk-compatible Support API, authenticated with a connection's
 * credential: no retries and no rate governance (the sync engine adds both; diagnostics want the raw
 * answer). Credentials only ever go to the connection's own address: absolute URLs from an answer
 * ({@code next_page}, {@code after_url}) are refused when they point elsewhere. Every request passes
 * the address policy first ({@link ZendeskAddresses#requireCallable}: the host resolved, then
 * classified), and every answer's body is read up to {@code sync.zendesk.max-response-size} only
 * ({@link BoundedBody}): a server posing as Zendesk cannot fill sync's memory.
 */
@Component
public class ZendeskHttp {

    static final String USER_AGENT = "Deskbridge-sync/0.1 (+https://github.com/deskbridge)";
    private static final int TEXT_LIMIT = 2_000;

    private final HttpClient client;
    private final JsonMapper json;
    private final Duration requestTimeout;
    private final long maxResponseSize;

    public ZendeskHttp(ZendeskHttpProperties properties) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder().build();
        this.requestTimeout = properties.requestTimeout();
        this.maxResponseSize = properties.maxResponseSize().toBytes();
    }

    /** {@code GET} a path on the account ({@code /api/v2/users/me.json}), authenticated naturally. */
    public ZendeskResponse get(ZendeskAddress address, Credential credential, String pathAndQuery) {
        return send(address, credential, AuthStyle.NATURAL, "GET", pathAndQuery, null);
    }

    /**
     * {@code GET} a path whose 2xx JSON answer the caller reads itself (the sync engine's export
     * pages, read in one streaming pass): such an answer keeps its bytes in {@link
     * ZendeskResponse#raw} and is not parsed here; any other answer is as from {@link #get}.
     */
    public ZendeskResponse getRaw(ZendeskAddress address, Credential credential, String pathAndQuery) {
        return send(address, credential, AuthStyle.NATURAL, "GET", pathAndQuery, null, true);
    }

    /**
     * {@code GET} an absolute URL that an answer handed back (a {@code next_page}); it must be on the
     * connection's own address.
     *
     * @throws IllegalArgumentException when the URL points at another scheme, host or port
     */
    public ZendeskResponse follow(ZendeskAddress address, Credential credential, String absoluteUrl) {
        URI url = URI.create(absoluteUrl);
        URI base = address.baseUrl();
        if (!base.getScheme().equalsIgnoreCase(url.getScheme())
                || !base.getHost().equalsIgnoreCase(url.getHost())
                || effectivePort(base) != effectivePort(url)) {
            throw new IllegalArgumentException("The server sent a link to " + url.getScheme() + "://"
                    + url.getAuthority() + ", which is not the connection's address " + base
                    + "; sync does not send credentials there");
        }
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        return send(address, credential, AuthStyle.NATURAL, "GET", path, null);
    }

    /**
     * One exchange.
     *
     * @param credential may be null only with {@link AuthStyle#NONE}
     * @param body JSON to send, or null
     * @throws ZendeskUnreachableException when no HTTP answer came back
     * @throws ZendeskCallRefusedException when the address resolves to one sync never calls, or the
     *     answer's body is larger than {@code sync.zendesk.max-response-size} (it is not read further)
     */
    public ZendeskResponse send(
            ZendeskAddress address,
            Credential credential,
            AuthStyle style,
            String method,
            String pathAndQuery,
            JsonNode body) {
        return send(address, credential, style, method, pathAndQuery, body, false);
    }

    private ZendeskResponse send(
            ZendeskAddress address,
            Credential credential,
            AuthStyle style,
            String method,
            String pathAndQuery,
            JsonNode body,
            boolean rawJson) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("A path on the account starts with '/': " + pathAndQuery);
        }
        URI url = address.resolve(pathAndQuery);
        try {
            ZendeskAddresses.requireCallable(address);
        } catch (InvalidAddressException e) {
            throw new ZendeskCallRefusedException(
                    method + " " + url.getRawPath() + " was not sent: " + e.getMessage() + ".");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        String authorization = authorization(credential, style);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), BoundedBody.handler(maxResponseSize, requestTimeout));
        } catch (HttpConnectTimeoutException e) {
            throw new ZendeskUnreachableException(url, "the connection timed out", e);
        } catch (HttpTimeoutException e) {
            throw new ZendeskUnreachableException(
                    url,
                    BoundedBody.BODY_TIMEOUT.equals(e.getMessage())
                            ? "the body of the answer did not arrive within " + requestTimeout.toSeconds()
                                    + " s of its headers"
                            : "no answer within " + requestTimeout.toSeconds() + " s",
                    true,
                    e);
        } catch (ConnectException e) {
            throw new ZendeskUnreachableException(url, connectReason(e), e);
        } catch (SSLException e) {
            throw new ZendeskUnreachableException(url, "the TLS handshake failed (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            BoundedBody.TooLarge tooLarge = tooLarge(e);
            if (tooLarge != null) {
                throw new ZendeskCallRefusedException(tooLargeMessage(method, url, tooLarge), e);
            }
            // A connection that broke mid-answer (reset, EOF): the server was working on the page.
            throw new ZendeskUnreachableException(url, describe(e), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZendeskUnreachableException(url, "interrupted while waiting", e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        byte[] bytes = response.body();
        JsonNode parsed = null;
        byte[] raw = null;
        String text = "";
        boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
        if (bytes != null && bytes.length > 0) {
            if (rawJson && ok && looksLikeJson(response, bytes)) {
                raw = bytes;
            } else if (looksLikeJson(response, bytes)) {
                try {
                    parsed = json.readTree(bytes);
                } catch (JacksonException e) {
                    text = "(malformed JSON) " + preview(bytes);
                }
            } else {
                text = preview(bytes);
            }
        }
        return new ZendeskResponse(
                URI.create(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())),
                response.statusCode(),
                response.headers(),
                parsed,
                text,
                RateLimits.of(response.headers()),
                elapsed,
                raw);
    }

    private static BoundedBody.TooLarge tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** Names the limit, the path (never the query, which may carry a cursor) and the fix. */
    private static String tooLargeMessage(String method, URI url, BoundedBody.TooLarge e) {
        String seen = e.declared() > e.limit()
                ? "its Content-Length announced " + size(e.declared()) + ", so sync read none of it"
                : "sync stopped reading after the first " + size(e.limit()) + " and closed the connection";
        return "The answer to " + method + " " + url.getRawPath() + " is larger than sync's limit of "
                + size(e.limit()) + " (sync.zendesk.max-response-size): " + seen + ". A Zendesk answer is far "
                + "smaller: check that the connection's address is the Zendesk account's own (or your "
                + "Zendesk-compatible server's); if it is, raise SYNC_ZENDESK_MAX_RESPONSE_SIZE and restart sync.";
    }

    /** Bytes as MiB (or KiB, or bytes) for messages: {@code 32 MiB}, {@code 1.5 GiB}. */
    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return bytes % (1L << 20) == 0
                    ? (bytes >> 20) + " MiB"
                    : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    private static String authorization(Credential credential, AuthStyle style) {
        if (style == AuthStyle.NONE) {
            return null;
        }
        if (credential instanceof ApiTokenCredential token) {
            if (style == AuthStyle.BEARER) {
                return "Bearer " + token.token();
            }
            String pair = token.email() + "/token:" + token.token();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        if (credential instanceof OAuthCredential oauth) {
            return "Bearer " + oauth.accessToken();
        }
        throw new IllegalArgumentException("No credential to authenticate with");
    }

    private static boolean looksLikeJson(HttpResponse<byte[]> response, byte[] bytes) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return true;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, TEXT_LIMIT * 4), StandardCharsets.UTF_8);
        return text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text;
    }

    private static String connectReason(ConnectException e) {
        // The JDK's client wraps an unknown host as ConnectException → ConnectException →
        // UnresolvedAddressException (no UnknownHostException, no message): look down the whole chain.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "the host name does not resolve";
            }
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        return message.isBlank() ? "the connection was refused" : "the connection failed (" + message + ")";
    }

    private static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof UnknownHostException) {
            return "the host name does not resolve";
        }
        String message = root.getMessage();
        return message == null || message.isBlank()
                ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + " (" + message + ")";
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
