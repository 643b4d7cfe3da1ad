package io.deskbridge.desk.testdouble;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.cluster.ChangeEpoch;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Saves and restores the whole account under a name; a reset is the restore of {@link #FRESH}, the
 * snapshot this desk took of itself once it was ready to serve (after the migrations and the account
 * owner's creation): on an empty database, a fresh account.
 *
 * <p>Decisions: a restore keeps what {@link AccountTablesRepository#KEPT} lists (the API access
 * settings among them) and every API token of a user who exists after the restore, so the owner's
 * token a suite tests with survives resets. Ids are never reused: the identity sequences are left
 * where they are, as Zendesk never hands out an id twice, so a test must not hard-code ids. A restore
 * bumps the cluster's {@link ChangeEpoch}, so every instance drops what it cached of the old state.
 * On H2 a restore copies only the tables whose rows changed since this instance last made them equal
 * to the same snapshot (by saving or restoring it), told by H2's per-table modification mark: a suite
 * that restores one snapshot before every test pays for what its last test wrote, not for the whole
 * account. PostgreSQL has no such mark, so there every restore copies every table.
 * On H2, saving and restoring are not atomic (its DDL and TRUNCATE commit as they go, and a restore
 * switches referential integrity off until it is done): reset and restore while the suite is not
 * writing, as a suite does between tests. On PostgreSQL a restore is one transaction.
 */
@Service
public class AccountSnapshots {

    /** The state desk started in; restored by a reset, never overwritten nor deleted. */
    public static final String FRESH = "fresh";

    private static final Logger log = LoggerFactory.getLogger(AccountSnapshots.class);

    private final AccountTablesRepository tables;
    private final ChangeEpoch epoch;
    private final TestDoubleProperties properties;

    /**
     * The account's tables in foreign-key order, and each snapshot's copies: read from the catalogue
     * once (H2's catalogue queries cost tens of milliseconds each, more than the copying of an empty
     * account), as the schema does not change while desk runs.
     */
    private volatile List<String> accountTables;

    /** H2: account tables no foreign key touches, and the DDL to make each again (see restore). */
    private volatile Set<String> standalone;

    private final Map<String, Optional<AccountTablesRepository.RebuildScript>> scripts = new ConcurrentHashMap<>();

    private final Map<String, Map<String, String>> copiesByName = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> nonEmptyByName = new ConcurrentHashMap<>();

    /** What the account's tables held when this instance last made them equal to a snapshot (H2 only). */
    private final AtomicReference<Known> known = new AtomicReference<>();

    /** The account's tables equalled snapshot {@code name} when H2's modification marks were {@code marks}. */
    private record Known(String name, Map<String, Long> marks) {

        boolean unchanged(String snapshot, String table, Map<String, Long> now) {
            return name.equals(snapshot) && now.containsKey(table) && Objects.equals(marks.get(table), now.get(table));
        }
    }

    AccountSnapshots(AccountTablesRepository tables, ChangeEpoch epoch, TestDoubleProperties properties) {
        this.tables = tables;
        this.epoch = epoch;
        this.properties = properties;
    }

    /**
     * Readiness comes after every {@code ApplicationReadyEvent} listener, the owner's creation among
     * them, so the fresh snapshot holds the owner.
     */
    @EventListener
    void onReady(AvailabilityChangeEvent<ReadinessState> event) {
        if (properties.enabled() && event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            copy(FRESH);
            log.info("Test double: saved the account as snapshot '{}' (POST /_desk/reset restores it)", FRESH);
        }
    }

    /** Names of the snapshots saved, {@link #FRESH} among them. */
    public List<String> names() {
        return tables.snapshotNames();
    }

    /** Saves the account's current state as {@code name}, replacing a snapshot of that name. */
    public SnapshotSummary save(String name) {
        String checked = checkedName(name);
        if (FRESH.equals(checked)) {
            throw new BadRequestException(
                    "SnapshotProtected",
                    "Snapshot '" + FRESH + "' is the state desk started in, restored by POST /_desk/reset; save under"
                            + " another name");
        }
        return copy(checked);
    }

    private SnapshotSummary copy(String checked) {
        // Read before copying: a write made meanwhile moves a mark, and its table is copied back next time.
        Map<String, Long> marks = tables.modificationMarks();
        drop(checked);
        Map<String, String> copies = new java.util.LinkedHashMap<>();
        for (String table : accountTables()) {
            String copy = AccountTablesRepository.snapshotTable(checked, table);
            tables.copyInto(table, copy);
            copies.put(table, copy);
        }
        copiesByName.put(checked, copies);
        known.set(marks.isEmpty() ? null : new Known(checked, marks));
        return summary(checked, copies);
    }

    private Set<String> standalone() {
        Set<String> listed = standalone;
        if (listed == null) {
            listed = tables.standalone(accountTables());
            standalone = listed;
        }
        return listed;
    }

    /** A table's DDL, read once per table: the schema does not change while desk runs. */
    private Optional<AccountTablesRepository.RebuildScript> rebuildScript(String table) {
        return scripts.computeIfAbsent(table, tables::rebuildScript);
    }

    private List<String> accountTables() {
        List<String> listed = accountTables;
        if (listed == null) {
            listed = tables.accountTables();
            accountTables = listed;
        }
        return listed;
    }

    /** The tables of a snapshot that hold rows; a saved snapshot never changes, so asked once. */
    private Set<String> holdingRows(String name, Map<String, String> copies) {
        return nonEmptyByName.computeIfAbsent(
                name,
                n -> copies.entrySet().stream()
                        .filter(copy -> !tables.isEmpty(copy.getValue()))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    private Map<String, String> copies(String name) {
        return copiesByName.computeIfAbsent(name, tables::snapshotTables);
    }

    /** Replaces the account's state with snapshot {@code name}; see the class comment for what stays. */
    @Transactional
    public SnapshotSummary restore(String name) {
        String checked = existing(name);
        Map<String, String> copies = copies(checked);
        // Until this restore commits, nothing is known: a failed one leaves every table to copy next time.
        Known before = known.getAndSet(null);
        Map<String, Long> marks = tables.modificationMarks();
        List<String> changed = accountTables().stream()
                .filter(table -> before == null || !before.unchanged(checked, table, marks))
                .toList();
        List<Map<String, Object>> keptTokens =
                changed.contains("api_tokens") && copies.containsKey("users") && copies.containsKey("api_tokens")
                        ? tables.tokensToKeep(copies.get("users"), copies.get("api_tokens"))
                        : List.of();
        Set<String> holdingRows = holdingRows(checked, copies);
        // H2: a table no foreign key touches is made again rather than emptied and refilled (see rebuild).
        Map<String, AccountTablesRepository.RebuildScript> rebuilt = new java.util.LinkedHashMap<>();
        for (String table : changed) {
            if (holdingRows.contains(table) && standalone().contains(table)) {
                rebuildScript(table).ifPresent(script -> rebuilt.put(table, script));
            }
        }
        List<String> emptied = (tables.truncatesOnlyWhatHoldsRows()
                        ? changed.stream().filter(table -> !tables.isEmpty(table))
                        : changed.stream())
                .filter(table -> !rebuilt.containsKey(table))
                .toList();
        try {
            tables.truncate(emptied);
            for (String table : changed) {
                // A table added by a migration after the snapshot was taken stays empty.
                if (rebuilt.containsKey(table)) {
                    tables.rebuild(table, copies.get(table), rebuilt.get(table));
                } else if (holdingRows.contains(table)) {
                    tables.insertAll(table, copies.get(table));
                }
            }
            keptTokens.forEach(row -> tables.insertRow("api_tokens", row));
        } finally {
            tables.checkReferences();
        }
        epoch.bump();
        if (!marks.isEmpty()) {
            // H2 moves the marks when the restore commits, so they are read after it.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Map<String, Long> after = tables.modificationMarks();
                    // A table skipped here but written meanwhile by someone else: know nothing.
                    boolean untouched = accountTables().stream()
                            .filter(table -> !changed.contains(table))
                            .allMatch(table -> Objects.equals(marks.get(table), after.get(table)));
                    known.set(untouched ? new Known(checked, after) : null);
                }
            });
        }
        return new SnapshotSummary(checked, tables.count("tickets"), tables.count("users"));
    }

    public void delete(String name) {
        String checked = existing(name);
        if (FRESH.equals(checked)) {
            throw new BadRequestException(
                    "SnapshotProtected",
                    "Snapshot '" + FRESH + "' is what POST /_desk/reset restores; it cannot be deleted");
        }
        drop(checked);
    }

    private void drop(String name) {
        known.getAndUpdate(k -> k != null && k.name().equals(name) ? null : k);
        copiesByName.remove(name);
        nonEmptyByName.remove(name);
        tables.snapshotTables(name).values().forEach(tables::drop);
    }

    private SnapshotSummary summary(String name, Map<String, String> copies) {
        return new SnapshotSummary(
                name,
                copies.containsKey("tickets") ? tables.count(copies.get("tickets")) : 0,
                copies.containsKey("users") ? tables.count(copies.get("users")) : 0);
    }

    /** A snapshot another instance deleted is noticed here (one catalogue row), not half-way through a restore. */
    private String existing(String name) {
        String checked = checkedName(name);
        if (!tables.exists(AccountTablesRepository.snapshotTable(checked, "users"))) {
            copiesByName.remove(checked);
            nonEmptyByName.remove(checked);
            throw new RecordNotFoundException("No snapshot named '" + checked + "'; saved: " + tables.snapshotNames());
        }
        return checked;
    }

    static String checkedName(String name) {
        if (name == null || name.length() > 20 || !name.matches(AccountTablesRepository.SNAPSHOT_NAME)) {
            throw new BadRequestException(
                    "InvalidSnapshotName",
                    "A snapshot name is 1 to 20 lower-case letters and digits, words joined by single underscores"
                            + " (like before_import); got '" + name + "'");
        }
        return name;
    }

    /** A snapshot's name and what it holds. */
    public record SnapshotSummary(String name, long tickets, long users) {}
}
