package io.deskbridge.bench.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook receiver of {@code bench/webhook/delivery.sh}: answers every POST with 200 at once
 * (HTTP/1.1 keep-alive, so desk's client reuses connections as with a real receiver), checks each
 * delivery's Zendesk signature ({@code base64(HMAC-SHA256(secret, timestamp + body))}) against the
 * signing secrets in {@code WEBHOOK_SECRETS} (comma-separated, from the environment: never on the
 * command line), and counts deliveries per invocation id. {@code GET /stats} answers the counts and
 * the first and last arrival (epoch milliseconds) as JSON.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.deskbridge.bench.webhook.SignedReceiver PORT</pre>
 */
public final class SignedReceiver {

    private final List<byte[]> secrets;
    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong last = new AtomicLong();

    private SignedReceiver(List<byte[]> secrets) {
        this.secrets = secrets;
    }

    public static void main(String[] args) throws IOException {
        String secrets = System.getenv("WEBHOOK_SECRETS");
        if (args.length != 1 || secrets == null || secrets.isBlank()) {
            System.err.println("usage: WEBHOOK_SECRETS=s1,s2 SignedReceiver PORT");
            System.exit(2);
        }
        SignedReceiver receiver = new SignedReceiver(List.of(secrets.split(",")).stream()
                .map(s -> s.strip().getBytes(StandardCharsets.UTF_8))
                .toList());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
        server.createContext("/", receiver::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("receiver listening on 127.0.0.1:" + args[0]);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("GET".equals(exchange.getRequestMethod())) {
                byte[] stats = stats().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, stats.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(stats);
                }
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.currentTimeMillis();
            String signature = exchange.getRequestHeaders().getFirst("X-Zendesk-Webhook-Signature");
            String timestamp = exchange.getRequestHeaders().getFirst("X-Zendesk-Webhook-Signature-Timestamp");
            if (!signed(signature, timestamp, body)) {
                badSignatures.incrementAndGet();
            }
            String invocation = exchange.getRequestHeaders().getFirst("X-Zendesk-Webhook-Invocation-Id");
            deliveries.merge(invocation == null ? "none" : invocation, 1, Integer::sum);
            received.incrementAndGet();
            first.accumulateAndGet(now, Math::min);
            last.accumulateAndGet(now, Math::max);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private boolean signed(String signature, String timestamp, byte[] body) {
        if (signature == null || timestamp == null) {
            return false;
        }
        byte[] presented = signature.getBytes(StandardCharsets.US_ASCII);
        for (byte[] secret : secrets) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
                byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
                if (MessageDigest.isEqual(expected, presented)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }
        return false;
    }

    private String stats() {
        long duplicates = deliveries.values().stream().mapToLong(n -> n - 1).sum();
        return "{\"received\":" + received.get() + ",\"distinct\":" + deliveries.size() + ",\"duplicates\":"
                + duplicates + ",\"bad_signatures\":" + badSignatures.get() + ",\"first_ms\":"
                + (received.get() == 0 ? 0 : first.get()) + ",\"last_ms\":" + last.get() + "}";
    }
}
