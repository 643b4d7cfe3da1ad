package io.deskbridge.desk.testdouble;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account's tables as a whole, for reset and snapshots. A snapshot is a set of plain tables in
 * the same schema, {@code dsnap_<name>__<table>}, made with {@code CREATE TABLE .. AS SELECT} and
 * copied back with {@code INSERT .. SELECT}: the rows never leave the database, which is what makes a
 * restore of 10,000 tickets take about 1.4 s on H2 (BENCHMARKS.md; search_terms is rebuilt, see
 * {@link #rebuild}), and it is the
 * same SQL on PostgreSQL. Table names come from the catalogue and snapshot names are checked against
 * {@link #SNAPSHOT_NAME}, so nothing a caller sends is ever spliced into SQL unchecked.
 */
@Repository
class AccountTablesRepository {

    static final String SNAPSHOT_PREFIX = "dsnap_";
    /** Lower-case letters and digits in words joined by single underscores: no {@code __}, at most 20. */
    static final String SNAPSHOT_NAME = "[a-z0-9]+(_[a-z0-9]+)*";

    /**
     * Never reset nor snapshotted: the migration history, the cluster's cache epoch, the keys every
     * instance shares (a reset must not invalidate the cursors or the secrets keyset), and the API
     * access settings, which a test suite sets once and keeps testing with.
     */
    static final Set<String> KEPT =
            Set.of("flyway_schema_history", "cache_epoch", "server_keys", "secret_canary", "account_settings");

    private final JdbcClient jdbc;
    private final boolean h2;

    AccountTablesRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.h2 = isH2(dataSource);
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell which database desk runs on: " + e.getMessage(), e);
        }
    }

    /**
     * The tables a reset or a snapshot covers, parents before children (by foreign key), so rows are
     * inserted in this order and deleted in the reverse.
     */
    List<String> accountTables() {
        List<String> all = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = CURRENT_SCHEMA AND table_type IN ('BASE TABLE', 'TABLE')
                """).query(String.class).list().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !KEPT.contains(name) && !name.startsWith(SNAPSHOT_PREFIX))
                .sorted()
                .toList();
        Map<String, Set<String>> parents = new HashMap<>();
        foreignKeys()
                .forEach(edge -> parents.computeIfAbsent(edge.getKey(), k -> new LinkedHashSet<>())
                        .add(edge.getValue()));
        Set<String> ordered = new LinkedHashSet<>();
        for (String table : all) {
            visit(table, parents, ordered, new LinkedHashSet<>());
        }
        ordered.retainAll(Set.copyOf(all));
        return List.copyOf(ordered);
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> ordered, Set<String> path) {
        if (ordered.contains(table) || !path.add(table)) {
            return; // done, or a cycle (a table referring to itself): its rows go in one statement
        }
        for (String parent : parents.getOrDefault(table, Set.of())) {
            visit(parent, parents, ordered, path);
        }
        ordered.add(table);
    }

    /** The snapshots saved, by name (a snapshot exists when its copy of {@code users} does). */
    List<String> snapshotNames() {
        String suffix = "__users";
        return jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) LIKE 'dsnap\\_%' ESCAPE '\\'
                """).query(String.class).list().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> name.endsWith(suffix))
                .map(name -> name.substring(SNAPSHOT_PREFIX.length(), name.length() - suffix.length()))
                .sorted()
                .toList();
    }

    /** Tables of snapshot {@code name}, by the account table each copies. */
    Map<String, String> snapshotTables(String name) {
        String prefix = snapshotTable(name, "");
        Map<String, String> tables = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) LIKE :prefix
                """).param("prefix", prefix.replace("_", "\\_") + "%").query(String.class).list().stream()
                .map(table -> table.toLowerCase(Locale.ROOT))
                .filter(table -> table.startsWith(prefix))
                .forEach(table -> tables.put(table.substring(prefix.length()), table));
        return tables;
    }

    static String snapshotTable(String name, String table) {
        if (!name.matches(SNAPSHOT_NAME)) {
            throw new IllegalStateException("unchecked snapshot name " + name);
        }
        return SNAPSHOT_PREFIX + name + "__" + table;
    }

    boolean exists(String table) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM information_schema.tables
                         WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) = :name
                        """).param("name", table).query(Long.class).single() > 0;
    }

    void copyInto(String source, String copy) {
        jdbc.sql("CREATE TABLE " + copy + " AS SELECT * FROM " + source).update();
    }

    void drop(String table) {
        jdbc.sql("DROP TABLE IF EXISTS " + table).update();
    }

    /**
     * Empties {@code tables} (all account tables, or on H2 those not empty already) with TRUNCATE, which
     * is many times faster than DELETE (no per-row undo). Identities continue: ids are never reused.
     * PostgreSQL: one statement over all of them, inside the caller's transaction, foreign keys intact.
     * H2 truncates only tables no foreign key points at, and commits as it goes, so referential
     * integrity is off for the database until {@link #checkReferences()}: a restore on H2 is not atomic,
     * and writes made meanwhile by others are not checked (a test double resets between tests).
     */
    void truncate(List<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        if (h2) {
            jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
            for (String table : tables) {
                jdbc.sql("TRUNCATE TABLE " + table + " CONTINUE IDENTITY").update();
            }
        } else {
            jdbc.sql("TRUNCATE TABLE " + String.join(", ", tables) + " CONTINUE IDENTITY")
                    .update();
        }
    }

    /** After {@link #truncate}: H2 checks foreign keys again (the restored rows are consistent). */
    void checkReferences() {
        if (h2) {
            jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
        }
    }

    /** On H2 only non-empty tables need truncating; PostgreSQL truncates all in one statement. */
    boolean truncatesOnlyWhatHoldsRows() {
        return h2;
    }

    /**
     * H2: every table's last data modification, by name. H2 moves a table's mark on each commit or
     * rollback that changed its rows (TRUNCATE included), from any session, so an unchanged mark means
     * unchanged rows. Empty on PostgreSQL, which has no such mark (its statistics lag and are not
     * transactional): there every restore copies every table.
     */
    Map<String, Long> modificationMarks() {
        if (!h2) {
            return Map.of();
        }
        Map<String, Long> marks = new HashMap<>();
        jdbc.sql("""
                SELECT table_name, last_modification FROM information_schema.tables
                 WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'
                """)
                .query((rs, i) -> Map.entry(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2)))
                .list()
                .forEach(mark -> marks.put(mark.getKey(), mark.getValue()));
        return marks;
    }

    boolean isEmpty(String table) {
        return jdbc.sql("SELECT 1 FROM " + table + " FETCH FIRST 1 ROWS ONLY")
                .query(Integer.class)
                .list()
                .isEmpty();
    }

    /**
     * H2: the account tables no foreign key leaves or points at, which a restore may drop and make
     * again ({@link #rebuild}). Empty on PostgreSQL, where every restore is one transaction of copies.
     */
    Set<String> standalone(List<String> accountTables) {
        if (!h2) {
            return Set.of();
        }
        Set<String> referring = new HashSet<>();
        foreignKeys().forEach(edge -> {
            referring.add(edge.getKey());
            referring.add(edge.getValue());
        });
        return accountTables.stream()
                .filter(table -> !referring.contains(table))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * H2: how to make {@code table} again, from H2's own {@code SCRIPT NODATA}: its {@code CREATE TABLE},
     * then its key and unique constraints, then its indexes, each naming the table and its constraints
     * and indexes exactly as now. Empty when the script holds anything else about the table (an
     * identity, a sequence, a trigger, a comment...): such a table is copied row by row instead.
     */
    Optional<RebuildScript> rebuildScript(String table) {
        String quoted = "\"" + table.toUpperCase(Locale.ROOT) + "\"";
        String create = null;
        List<String> constraints = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> script = jdbc.sql("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + table)
                .query(String.class)
                .list();
        for (String statement : script) {
            String trimmed = statement.strip();
            if (trimmed.startsWith("--") || !trimmed.contains(quoted)) {
                continue; // H2's version and row-count comments, the user and schema lines
            }
            boolean itsOwn = trimmed.matches("(?s)CREATE (MEMORY |CACHED )?TABLE \"[^\"]+\"\\." + quoted + "\\(.*");
            if (itsOwn && create == null && !trimmed.contains(" GENERATED ") && !trimmed.contains(" DEFAULT ON NULL")) {
                create = trimmed;
            } else if (trimmed.matches("(?s)ALTER TABLE \"[^\"]+\"\\." + quoted
                    + " ADD CONSTRAINT \"[^\"]+\"\\.\"[^\"]+\" (PRIMARY KEY|UNIQUE)\\(.*")) {
                constraints.add(trimmed);
            } else if (trimmed.matches(
                    "(?s)CREATE (UNIQUE )?INDEX \"[^\"]+\"\\.\"[^\"]+\" ON \"[^\"]+\"\\." + quoted + "\\(.*")) {
                indexes.add(trimmed);
            } else {
                return Optional.empty();
            }
        }
        return create == null
                ? Optional.empty()
                : Optional.of(new RebuildScript(create, List.copyOf(constraints), List.copyOf(indexes)));
    }

    /** A table's DDL as H2 scripts it: made in this order, with the rows inserted before the indexes. */
    record RebuildScript(String create, List<String> constraints, List<String> indexes) {}

    /**
     * H2: replaces {@code table} by a new one made with {@code script} and filled from {@code source}.
     * H2 fills a table's key and builds an index over rows already there (one sorted pass) for about
     * half the CPU that inserting the same rows into the indexed table costs (each row entered into
     * every index through the transaction's undo log, then committed entry by entry): 2.2-2.7 s
     * against 4.0-4.4 s for 199,000 search terms in a stand-alone test. Only for a table no foreign key
     * touches, whose DDL {@link #rebuildScript} read (so the same names, types and indexes); H2's DDL
     * commits as it goes, as its TRUNCATE does.
     */
    void rebuild(String table, String source, RebuildScript script) {
        jdbc.sql("DROP TABLE " + table).update();
        jdbc.sql(script.create()).update();
        script.constraints().forEach(statement -> jdbc.sql(statement).update());
        insertAll(table, source);
        script.indexes().forEach(statement -> jdbc.sql(statement).update());
    }

    int insertAll(String table, String source) {
        return jdbc.sql("INSERT INTO " + table + " SELECT * FROM " + source).update();
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /**
     * API tokens that a restore would drop although their user stays: those of users present in
     * {@code usersSource} that {@code tokensSource} does not hold (read before the restore deletes them).
     */
    List<Map<String, Object>> tokensToKeep(String usersSource, String tokensSource) {
        return jdbc.sql("SELECT * FROM api_tokens WHERE owner_id IN (SELECT id FROM " + usersSource
                        + ") AND id NOT IN (SELECT id FROM " + tokensSource + ")")
                .query()
                .listOfRows();
    }

    void insertRow(String table, Map<String, Object> row) {
        List<String> columns = new ArrayList<>(row.keySet());
        String names = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> ":" + paramName(c)).collect(Collectors.joining(", "));
        JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")");
        for (String column : columns) {
            insert = insert.param(paramName(column), row.get(column));
        }
        insert.update();
    }

    private static String paramName(String column) {
        return "c_" + column.toLowerCase(Locale.ROOT);
    }

    /** Every foreign key of the schema as (child table, parent table), lower case. */
    private List<Map.Entry<String, String>> foreignKeys() {
        return jdbc.sql("""
                SELECT child.table_name AS child_table, parent.table_name AS parent_table
                  FROM information_schema.referential_constraints rc
                  JOIN information_schema.table_constraints child
                    ON child.constraint_name = rc.constraint_name
                   AND child.constraint_schema = rc.constraint_schema
                  JOIN information_schema.table_constraints parent
                    ON parent.constraint_name = rc.unique_constraint_name
                   AND parent.constraint_schema = rc.unique_constraint_schema
                 WHERE rc.constraint_schema = CURRENT_SCHEMA
                """)
                .query((rs, i) -> Map.entry(
                        rs.getString("child_table").toLowerCase(Locale.ROOT),
                        rs.getString("parent_table").toLowerCase(Locale.ROOT)))
                .list();
    }
}
