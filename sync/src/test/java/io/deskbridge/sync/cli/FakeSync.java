package io.deskbridge.sync.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written stand-in for sync's REST API (JDK HttpServer on a random loopback port): each
 * {@code METHOD path} answers its scripted responses in order, the last one over and over; anything
 * unscripted answers sync's 404 body. Records every request.
 */
final class FakeSync implements AutoCloseable {

    record Request(String method, String path, String authorization, String body) {}

    private record Canned(int status, String body) {}

    private final HttpServer server;
    private final Map<String, Deque<Canned>> script = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeSync() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code METHOD path} with these responses in turn (the last one repeats). */
    FakeSync on(String method, String path, int status, String... bodies) {
        Deque<Canned> answers = script.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>());
        for (String body : bodies) {
            answers.add(new Canned(status, body));
        }
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String method, String path) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
        Canned answer;
        synchronized (script) {
            Deque<Canned> answers = script.get(method + " " + path);
            if (answers == null || answers.isEmpty()) {
                answer = new Canned(404, "{\"error\":\"InvalidEndpoint\",\"description\":\"Not found\"}");
            } else {
                answer = answers.size() > 1 ? answers.poll() : answers.peek();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
