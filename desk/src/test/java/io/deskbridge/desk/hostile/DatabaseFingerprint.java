package io.deskbridge.desk.hostile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row count and a SHA-256 of the contents of every table, so a test can say "nothing changed" about
 * the whole database and name the table that did change.
 */
record DatabaseFingerprint(Map<String, String> tables) {

    /**
     * Columns a successful read writes by design, left out of the contents hash: a token's last use
     * (Zendesk shows it in Admin Center) is recorded when the read-only token reads.
     */
    static final Set<String> VOLATILE_COLUMNS = Set.of("api_tokens.last_used_at", "api_tokens.last_used_ip");

    /**
     * Tables only desk's own schedulers write, whatever requests arrive: the hourly automation run's
     * claim and its finish ({@code automation_runs}) may land between a test's two fingerprints (seen in
     * a full run on a loaded machine). No request can write them.
     */
    static final Set<String> BACKGROUND_TABLES = Set.of("automation_runs");

    static DatabaseFingerprint of(JdbcClient jdbc) {
        List<String> names = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')
                """).query(String.class).list();
        Map<String, String> tables = new TreeMap<>();
        for (String name : names) {
            String table = name.toLowerCase(Locale.ROOT);
            if (BACKGROUND_TABLES.contains(table)) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row :
                    jdbc.sql("SELECT * FROM \"" + name + "\"").query().listOfRows()) {
                StringBuilder line = new StringBuilder();
                new TreeMap<>(row).forEach((column, value) -> {
                    if (!VOLATILE_COLUMNS.contains(table + "." + column.toLowerCase(Locale.ROOT))) {
                        line.append(column).append('=').append(text(value)).append('\u0001');
                    }
                });
                rows.add(line.toString());
            }
            rows.sort(null);
            tables.put(table, rows.size() + " rows, " + sha256(String.join("\u0002", rows)));
        }
        return new DatabaseFingerprint(tables);
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.deepToString(array);
        }
        if (value instanceof java.sql.Array array) {
            try {
                return java.util.Arrays.deepToString((Object[]) array.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(value);
    }

    /** Tables whose count or contents differ from {@code before}, with both fingerprints. */
    List<String> changesSince(DatabaseFingerprint before) {
        List<String> changes = new ArrayList<>();
        Set<String> all = new java.util.TreeSet<>(tables.keySet());
        all.addAll(before.tables.keySet());
        for (String table : all) {
            String then = before.tables.get(table);
            String now = tables.get(table);
            if (!java.util.Objects.equals(then, now)) {
                changes.add(table + ": " + then + " -> " + now);
            }
        }
        return changes;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
