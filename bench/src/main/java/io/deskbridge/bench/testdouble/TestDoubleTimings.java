package io.deskbridge.bench.testdouble;

import io.deskbridge.desk.DeskApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times desk's test-double API (issue 15) over HTTP, as a suite calls it: reset of an empty account,
 * a fixture of 1,000 generated tickets, reset with those 1,000 present, snapshot save and restore at
 * 1,000 and at 10,000 tickets. desk runs in this JVM on an empty in-memory H2, or on a fresh schema of
 * the PostgreSQL at {@code DB_URL} when {@code DB=postgres}. Each figure is wall time of the HTTP call;
 * repeated ones print median and max. See BENCHMARKS.md for the command and the results.
 */
public final class TestDoubleTimings {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    /** CPU time of this whole process (desk and the bench) during each call, in ms, in call order. */
    private static String baseUrl;

    private static String key;

    public static void main(String[] args) throws Exception {
        boolean postgres = "postgres".equalsIgnoreCase(System.getenv().getOrDefault("DB", "h2"));
        int big = Integer.parseInt(System.getenv().getOrDefault("TICKETS", "10000"));
        key = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        if (postgres) {
            String schema = "bench_td_" + UUID.randomUUID().toString().substring(0, 8);
            properties.put(
                    "spring.datasource.url",
                    System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/test") + "?currentSchema="
                            + schema);
            properties.put("spring.datasource.username", System.getenv().getOrDefault("DB_USER", "postgres"));
            properties.put("spring.datasource.password", "");
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.create-schemas", "true");
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:bench-td;DB_CLOSE_DELAY=-1");
        }
        Path dataDir = Files.createTempDirectory("bench-testdouble-");
        properties.put("desk.data-dir", dataDir.toString());
        properties.put("desk.admin.email", "owner@bench.test");
        properties.put("desk.rate-limit.enforce", "false");
        properties.put("desk.test-double.enabled", "true");
        properties.put("desk.test-double.key", key);
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.io.deskbridge", "WARN");
        try (ConfigurableApplicationContext desk =
                new SpringApplicationBuilder(DeskApplication.class).run(arguments(properties))) {
            baseUrl = "http://127.0.0.1:" + desk.getEnvironment().getProperty("local.server.port");
            System.out.printf(Locale.ROOT, "desk on %s, database %s%n", baseUrl, postgres ? "PostgreSQL" : "H2");
            for (int i = 0; i < 5; i++) {
                call("POST", "/_desk/reset", null); // warm-up: JIT, connection pool, statement caches
            }
            report("reset, empty account (x20)", repeat(20, () -> call("POST", "/_desk/reset", null)));
            report(
                    "fixture: generate 1,000 tickets",
                    List.of(call("POST", "/_desk/fixtures", "{\"generate_tickets\":1000}")));
            report("snapshot save, 1,000 tickets", List.of(call("PUT", "/_desk/snapshots/t1000", null)));
            List<Timing> resets = new ArrayList<>();
            List<Timing> restores = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                restores.add(call("POST", "/_desk/snapshots/t1000/restore", null));
                resets.add(call("POST", "/_desk/reset", null));
            }
            report("snapshot restore, 1,000 tickets (x10)", restores);
            report("reset with 1,000 tickets present (x10)", resets);
            call("POST", "/_desk/snapshots/t1000/restore", null);
            Timing generated = call("POST", "/_desk/fixtures", "{\"generate_tickets\":" + (big - 1000) + "}");
            report("fixture: generate " + (big - 1000) + " more tickets", List.of(generated));
            report("snapshot save, " + big + " tickets", List.of(call("PUT", "/_desk/snapshots/big", null)));
            List<Timing> bigRestores = new ArrayList<>();
            List<Timing> bigResets = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                bigResets.add(call("POST", "/_desk/reset", null));
                bigRestores.add(call("POST", "/_desk/snapshots/big/restore", null));
            }
            report("snapshot restore, " + big + " tickets (x5)", bigRestores);
            report("reset with " + big + " tickets present (x5)", bigResets);
            // As between the tests of a suite that restores one snapshot before each: on H2 only the
            // tables written since the last restore are copied (here the audit log's entry of it).
            report(
                    "snapshot restore, " + big + " tickets, again (x5)",
                    repeat(5, () -> call("POST", "/_desk/snapshots/big/restore", null)));
        }
    }

    private interface Timed {
        Timing run() throws Exception;
    }

    private static List<Timing> repeat(int times, Timed call) throws Exception {
        List<Timing> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            millis.add(call.run());
        }
        return millis;
    }

    /** Wall time of one call, and the CPU time this whole process (desk and the bench) spent meanwhile. */
    private record Timing(long wallMs, long cpuMs) {}

    private static void report(String what, List<Timing> timings) {
        List<Long> wall = timings.stream().map(Timing::wallMs).sorted().toList();
        List<Long> cpu = timings.stream().map(Timing::cpuMs).sorted().toList();
        System.out.printf(
                Locale.ROOT,
                "%-45s wall median %6d ms  max %6d ms   process CPU median %6d ms%n",
                what,
                wall.get(wall.size() / 2),
                wall.get(wall.size() - 1),
                cpu.get(cpu.size() / 2));
    }

    /** Fails on any status but 200/201. */
    private static Timing call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("X-Desk-Test-Double-Key", key)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        long started = System.nanoTime();
        long cpuStarted = OS.getProcessCpuTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        long cpu = (OS.getProcessCpuTime() - cpuStarted) / 1_000_000;
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Timing(millis, cpu);
    }

    /** As command-line arguments: they outrank application.yml (default properties would not). */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }
}
