package io.deskbridge.sync.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A reverse proxy in front of desk that sync's connection points at, so a test can stop a sync at an
 * exact page: {@link #hold} lets a number of requests to one export through and then keeps the next
 * one waiting until {@link #release}, so the test can pause, rotate tokens or hand over credentials
 * while the stream is provably mid-way (its earlier pages committed, the next one not yet asked).
 * Every exchange is recorded with its status and a SHA-256 fingerprint of its Authorization header
 * (never the header itself), so a test can tell which credential each request carried.
 */
public final class DeskGate implements AutoCloseable {

    /** One forwarded request and desk's answer. */
    public record Exchange(Instant at, String method, String path, String query, int status, String authorization) {}

    private static final Set<String> NOT_FORWARDED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive");

    private final String target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private volatile Consumer<Exchange> onAnswered = e -> {};

    private final Object lock = new Object();
    private String heldPath;
    private String heldAuthorization;
    private int passing;
    private CountDownLatch held = new CountDownLatch(1);
    private CountDownLatch released = new CountDownLatch(0);

    private DeskGate(String target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A gate in front of {@code target} (desk's base URL), listening on a random port. */
    public static DeskGate in(String target) {
        try {
            return new DeskGate(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * From now on, lets {@code passing} requests whose path is {@code path} through and holds the
     * next one until {@link #release}.
     */
    public void hold(String path, int passing) {
        hold(path, passing, null);
    }

    /**
     * Like {@link #hold(String, int)}, counting and holding only requests whose Authorization header
     * has this {@link #fingerprint} (null: every request): requests with other credentials pass.
     */
    public void hold(String path, int passing, String authorizationFingerprint) {
        synchronized (lock) {
            this.heldPath = path;
            this.heldAuthorization = authorizationFingerprint;
            this.passing = passing;
            this.held = new CountDownLatch(1);
            this.released = new CountDownLatch(1);
        }
    }

    /** Waits until a request is being held; false after {@code timeout}. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        CountDownLatch latch;
        synchronized (lock) {
            latch = held;
        }
        return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Forwards the held request (and lets every later one through). */
    public void release() {
        synchronized (lock) {
            heldPath = null;
            released.countDown();
        }
    }

    /**
     * Calls {@code hook} with each exchange after desk answered and before the answer goes back to
     * sync: a test may kill sync there, so the request took effect in desk but sync never saw the answer.
     */
    public void onAnswered(Consumer<Exchange> hook) {
        this.onAnswered = hook;
    }

    /** Every exchange so far, in the order desk answered. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The fingerprint {@link Exchange#authorization()} holds for a header value. */
    public static String fingerprint(String authorization) {
        if (authorization == null) {
            return null;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(authorization.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            waitIfHeld(path, fingerprint(exchange.getRequestHeaders().getFirst("Authorization")));
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(target + path + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(120));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            request.method(
                    exchange.getRequestMethod(),
                    body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Exchange answered = new Exchange(
                    Instant.now(),
                    exchange.getRequestMethod(),
                    path,
                    query,
                    response.statusCode(),
                    fingerprint(exchange.getRequestHeaders().getFirst("Authorization")));
            exchanges.add(answered);
            onAnswered.accept(answered);
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            int status = response.statusCode();
            boolean empty = answer.length == 0 || status == 204 || status == 304;
            exchange.sendResponseHeaders(status, empty ? -1 : answer.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitIfHeld(String path, String authorization) throws InterruptedException {
        CountDownLatch wait = null;
        synchronized (lock) {
            if (path.equals(heldPath) && (heldAuthorization == null || heldAuthorization.equals(authorization))) {
                if (passing > 0) {
                    passing--;
                } else {
                    wait = released;
                    held.countDown();
                }
            }
        }
        if (wait != null) {
            wait.await();
        }
    }
}
