package io.deskbridge.sync.zendesk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.deskbridge.sync.support.SecretLedger;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Zendesk that speaks OAuth as Zendesk does: {@code POST /oauth/tokens} with the refresh token
 * grant hands out a new access token AND a new refresh token and invalidates the old pair;
 * {@code GET /api/v2/users/me} answers only the current access token. Every token it issues is
 * registered with the leak scan.
 */
final class FakeOAuthZendesk implements AutoCloseable {

    static final String CLIENT_ID = "deskbridge_sync";
    static final String CLIENT_SECRET = SecretLedger.issued("client-secret-" + UUID.randomUUID());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile String accessToken = issue("access");
    private volatile String refreshToken = issue("refresh");
    private volatile boolean refuseRefreshes;

    FakeOAuthZendesk() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth/tokens", this::tokens);
        server.createContext("/api/v2/users/me", this::me);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String accessToken() {
        return accessToken;
    }

    String refreshToken() {
        return refreshToken;
    }

    int refreshes() {
        return refreshes.get();
    }

    /** From now on every refresh is answered 400 invalid_grant, echoing the token as some servers do. */
    void refuseRefreshes() {
        refuseRefreshes = true;
    }

    private synchronized void tokens(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        boolean valid = "POST".equals(exchange.getRequestMethod())
                && "refresh_token".equals(body.path("grant_type").asString())
                && refreshToken.equals(body.path("refresh_token").asString())
                && CLIENT_ID.equals(body.path("client_id").asString())
                && CLIENT_SECRET.equals(body.path("client_secret").asString());
        if (refuseRefreshes || !valid) {
            answer(
                    exchange,
                    400,
                    "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token "
                            + body.path("refresh_token").asString() + " is invalid\"}");
            return;
        }
        refreshes.incrementAndGet();
        // Zendesk deletes the previous access and refresh tokens on a successful refresh.
        accessToken = issue("access");
        refreshToken = issue("refresh");
        answer(
                exchange,
                200,
                "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken
                        + "\",\"token_type\":\"bearer\",\"scope\":\"read\",\"expires_in\":3600,"
                        + "\"refresh_token_expires_in\":2592000}");
    }

    private void me(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (("Bearer " + accessToken).equals(authorization)) {
            answer(exchange, 200, "{\"user\":{\"id\":7,\"email\":\"admin@oauth.test\",\"role\":\"admin\"}}");
        } else {
            answer(exchange, 401, "{\"error\":\"Couldn't authenticate you\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String issue(String kind) {
        return SecretLedger.issued(kind + "-" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
