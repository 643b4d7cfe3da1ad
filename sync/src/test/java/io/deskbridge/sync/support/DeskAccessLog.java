package io.deskbridge.sync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * desk's own record of what it answered: Tomcat's access log, switched on through desk's Spring
 * properties ({@link #properties()}, passed to {@link DeskProcess#start}), one line per request with
 * the wall-clock milliseconds when desk began and finished serving it, the status and the path
 * (without the query, which holds export cursors). desk does not log its rate-limit refusals itself,
 * so this is the desk-side count of 429s, independent of what sync says it received.
 */
public final class DeskAccessLog {

    /** One answered request. */
    public record Entry(Instant begin, Instant end, int status, String method, String path) {

        public boolean export() {
            return path.startsWith("/api/v2/incremental/");
        }

        public long servedMillis() {
            return end.toEpochMilli() - begin.toEpochMilli();
        }

        /** The entry with its times moved by {@code offset} (e.g. to desk's clock, when it runs ahead). */
        public Entry plus(Duration offset) {
            return new Entry(begin.plus(offset), end.plus(offset), status, method, path);
        }
    }

    private final Path directory;

    public DeskAccessLog() {
        try {
            this.directory = Files.createTempDirectory("desk-access-log-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** desk's Spring properties that write the log into this object's directory, unbuffered. */
    public Map<String, String> properties() {
        return Map.of(
                "server.tomcat.accesslog.enabled", "true",
                "server.tomcat.accesslog.directory", directory.toString(),
                "server.tomcat.accesslog.prefix", "access",
                "server.tomcat.accesslog.suffix", ".log",
                "server.tomcat.accesslog.buffered", "false",
                "server.tomcat.accesslog.pattern", "%{begin:msec}t|%{end:msec}t|%s|%m|%U");
    }

    /** Every request desk answered so far, in the order written (when it finished). */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.split("\\|", 5);
                    if (f.length == 5) {
                        entries.add(new Entry(
                                Instant.ofEpochMilli(Long.parseLong(f[0].strip())),
                                Instant.ofEpochMilli(Long.parseLong(f[1].strip())),
                                Integer.parseInt(f[2].strip()),
                                f[3].strip(),
                                f[4].strip()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public Path directory() {
        return directory;
    }
}
