package io.deskbridge.bench.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The producer of {@code bench/webhook/delivery.sh} (issue 17): creates tickets with {@code POST
 * /api/v2/tickets/create_many}, {@code TICKETS_PER_JOB} (100, Zendesk's limit) per request, from
 * {@code CONCURRENCY} threads over keep-alive connections for {@code SECONDS}. desk answers each
 * request with a queued job and creates the tickets on its job threads; a 429 (at most 30 queued
 * jobs per account) is waited out ({@code Retry-After}, at most a second) and the request sent again.
 * After the last request it polls {@code /api/v2/tickets/count} until every ticket of every accepted
 * job is there: that moment is the last commit, from which the script measures the last delivery.
 * Prints one JSON line: requests, jobs, tickets, throttled, start_ms, stop_ms (last request
 * answered), committed_ms (all tickets counted; polled every 20 ms once fewer than 40 are missing).
 *
 * <p>The API authorization header comes from {@code DESK_AUTH} in the environment, never from the
 * command line.
 *
 * <pre>DESK_AUTH='Basic ...' java -cp bench/target/benchmarks.jar io.deskbridge.bench.webhook.BulkProducer BASE_URL SECONDS CONCURRENCY</pre>
 */
public final class BulkProducer {

    private static final int TICKETS_PER_JOB = 100;
    private static final Pattern COUNT = Pattern.compile("\"value\"\\s*:\\s*(\\d+)");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String auth;
    private final String body;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    private BulkProducer(String base, String auth) {
        this.base = base;
        this.auth = auth;
        StringBuilder tickets = new StringBuilder("{\"tickets\":[");
        for (int i = 0; i < TICKETS_PER_JOB; i++) {
            tickets.append(i == 0 ? "" : ",")
                    .append("{\"subject\":\"webhook bench\",\"comment\":{\"body\":\"A ticket made by")
                    .append(" bench/webhook/delivery.sh.\"},\"priority\":\"normal\",\"tags\":[\"bench\"]}");
        }
        this.body = tickets.append("]}").toString();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BulkProducer BASE_URL SECONDS CONCURRENCY (DESK_AUTH in the environment)");
            System.exit(2);
        }
        String auth = System.getenv("DESK_AUTH");
        if (auth == null || auth.isBlank()) {
            System.err.println("DESK_AUTH (the Authorization header's value) is not set");
            System.exit(2);
        }
        new BulkProducer(args[0], auth).run(Double.parseDouble(args[1]), Integer.parseInt(args[2]));
    }

    private void run(double seconds, int concurrency) throws Exception {
        long before = count();
        long start = System.currentTimeMillis();
        long deadline = start + (long) (seconds * 1000);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.currentTimeMillis() < deadline) {
                        createMany();
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long stop = System.currentTimeMillis();
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    "producer failed: " + failures.get(0).getMessage(), failures.get(0));
        }
        long expected = before + jobs.get() * TICKETS_PER_JOB;
        long committed;
        while (true) {
            long now = count();
            committed = System.currentTimeMillis();
            if (now >= expected) {
                break;
            }
            if (committed - stop > 600_000) {
                throw new IllegalStateException("only " + (now - before) + " of " + (expected - before)
                        + " tickets were created within 10 minutes");
            }
            // Rarely while much is left (each poll is a request and a COUNT on desk), every 20 ms at the end.
            Thread.sleep(Math.max(20, Math.min(500, (expected - now) / 2)));
        }
        System.out.printf(
                "{\"requests\":%d,\"jobs\":%d,\"tickets\":%d,\"throttled\":%d,\"start_ms\":%d,\"stop_ms\":%d,"
                        + "\"committed_ms\":%d}%n",
                requests.get(), jobs.get(), jobs.get() * TICKETS_PER_JOB, throttled.get(), start, stop, committed);
    }

    private void createMany() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v2/tickets/create_many"))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            requests.incrementAndGet();
            if (response.statusCode() / 100 == 2) {
                jobs.incrementAndGet();
                return;
            }
            if (response.statusCode() != 429) {
                throw new IOException("create_many answered " + response.statusCode() + ": " + response.body());
            }
            throttled.incrementAndGet();
            long wait = response.headers()
                    .firstValue("Retry-After")
                    .filter(v -> v.matches("\\d{1,4}"))
                    .map(v -> Math.min(1000L, Long.parseLong(v) * 1000))
                    .orElse(200L);
            Thread.sleep(Math.max(wait, 50));
        }
    }

    private long count() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v2/tickets/count"))
                .header("Authorization", auth)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher value = COUNT.matcher(response.body());
        if (response.statusCode() != 200 || !value.find()) {
            throw new IOException("tickets/count answered " + response.statusCode());
        }
        return Long.parseLong(value.group(1));
    }
}
