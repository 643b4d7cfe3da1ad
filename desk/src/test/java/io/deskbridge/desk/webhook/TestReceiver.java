package io.deskbridge.desk.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A webhook receiver on 127.0.0.1: records every request and answers from a script (then with a
 * default status), or holds requests unanswered until {@link #answer(int)} is called.
 */
final class TestReceiver implements AutoCloseable {

    /** One received request; header names lower-cased. */
    record Received(String method, String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private volatile int defaultStatus;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile String responseBody = "{\"ok\":true}";

    private TestReceiver(int defaultStatus, List<Integer> script) throws IOException {
        this.defaultStatus = defaultStatus;
        this.script.addAll(script);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "test-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    lowerCased(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8)));
            try {
                hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status;
            synchronized (this.script) {
                status = this.script.isEmpty() ? this.defaultStatus : this.script.poll();
            }
            byte[] answer = responseBody.getBytes(StandardCharsets.UTF_8);
            try {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("X-Receiver", "test");
                exchange.sendResponseHeaders(status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (IOException callerGone) {
                // desk gave up on this request (timeout, or killed)
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Answers {@code script} in order, then {@code thenStatus} forever. */
    static TestReceiver answering(int thenStatus, Integer... script) {
        try {
            return new TestReceiver(thenStatus, List.of(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Holds every request unanswered until {@link #answer(int)}. */
    static TestReceiver silent() {
        TestReceiver receiver = answering(200);
        receiver.hold = new CountDownLatch(1);
        return receiver;
    }

    /** From now on answers {@code status} at once (and releases held requests). */
    void answer(int status) {
        defaultStatus = status;
        hold.countDown();
    }

    void respondWith(String body) {
        responseBody = body;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
    }

    private static Map<String, String> lowerCased(Headers headers) {
        return headers.entrySet().stream()
                .collect(Collectors.toMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT),
                        e -> String.join(",", e.getValue()),
                        (a, b) -> a + "," + b,
                        TreeMap::new));
    }
}
