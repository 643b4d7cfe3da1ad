package io.deskbridge.sync.automation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An outside endpoint that rules notify: records every POST (delivery id, timestamp, signature, raw
 * body) and answers 200. A hook may run before it answers (a crash test kills sync there).
 */
final class NotifyEndpoint implements AutoCloseable {

    record Delivery(String deliveryId, String timestamp, String signature, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether the signature is base64(HMAC-SHA256(secret, timestamp + body)), compared in constant time. */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
                byte[] expected = mac.doFinal(body);
                return signature != null
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile Consumer<Delivery> beforeAnswer = d -> {};

    NotifyEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/escalations", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/escalations";
    }

    void beforeAnswer(Consumer<Delivery> hook) {
        this.beforeAnswer = hook;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Delivery delivery = new Delivery(
                    exchange.getRequestHeaders().getFirst("X-Deskbridge-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Deskbridge-Signature-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Deskbridge-Signature"),
                    body);
            deliveries.add(delivery);
            beforeAnswer.accept(delivery);
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 200 : 405, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
