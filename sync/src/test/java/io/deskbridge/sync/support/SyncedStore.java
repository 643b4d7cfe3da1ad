package io.deskbridge.sync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What sync stored for one connection, read straight from its tables, in the shape {@link
 * DeskExports#all()} gives desk's side: stream → id → SHA-256 of the record's JSON.
 */
public final class SyncedStore {

    /** Stream (as sync names it) → its table. */
    public static final Map<String, String> TABLES = tables();

    private SyncedStore() {}

    public static Map<String, Map<Long, String>> read(JdbcClient jdbc, long connectionId) {
        Map<String, Map<Long, String>> stored = new LinkedHashMap<>();
        TABLES.forEach((stream, table) -> {
            Map<Long, String> records = new TreeMap<>();
            jdbc.sql("SELECT id, record_json FROM " + table + " WHERE connection_id = :c")
                    .param("c", connectionId)
                    .query((rs, n) -> records.put(rs.getLong("id"), DeskExports.hash(rs.getString("record_json"))))
                    .list();
            stored.put(stream, records);
        });
        return stored;
    }

    /**
     * Sync's store for the connection equals {@code exported} exactly: the same count, the same ids,
     * the same content hash per record, and no id stored twice.
     */
    public static void assertEquals(JdbcClient jdbc, long connectionId, Map<String, Map<Long, String>> exported) {
        Map<String, Map<Long, String>> stored = read(jdbc, connectionId);
        TABLES.forEach((stream, table) -> {
            assertThat(stored.get(stream).size())
                    .as("records stored for " + stream)
                    .isEqualTo(exported.get(stream).size());
            assertThat(stored.get(stream))
                    .as("id and content hash of every record of " + stream)
                    .isEqualTo(exported.get(stream));
            assertThat(jdbc.sql("SELECT COUNT(*) - COUNT(DISTINCT id) FROM " + table + " WHERE connection_id = :c")
                            .param("c", connectionId)
                            .query(Long.class)
                            .single())
                    .as("ids stored twice in " + table)
                    .isZero();
        });
    }

    private static Map<String, String> tables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("tickets", "synced_tickets");
        tables.put("users", "synced_users");
        tables.put("organizations", "synced_organizations");
        tables.put("ticket_comments", "synced_ticket_comments");
        return Map.copyOf(tables);
    }
}
