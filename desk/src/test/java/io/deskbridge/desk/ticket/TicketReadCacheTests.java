package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The rules of {@link TicketReadCache}: lifetime, base URL, and no stale entry surviving a write. */
class TicketReadCacheTests {

    private static final String BASE = "http://desk.test";
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final TicketReadCache cache = new TicketReadCache(JSON, Duration.ofSeconds(1), 3, nanos::get);
    private final AtomicInteger loads = new AtomicInteger();
    private Ticket stored = ticket(7, "Old");

    private final LongFunction<Ticket> database = id -> {
        loads.incrementAndGet();
        return stored.id() == id ? stored : ticket(id, "Other");
    };

    @Test
    void shouldServeAnEntryForItsLifetimeOnlyAndUnderItsBaseUrlOnly() {
        assertThat(subject(cache.show(7, BASE, database))).isEqualTo("Old");
        stored = ticket(7, "New"); // changed elsewhere: not through this instance's repository

        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(subject(cache.show(7, BASE, database))).isEqualTo("Old");
        assertThat(loads).hasValue(1);
        assertThat(subject(cache.show(7, "http://other.test", database))).isEqualTo("New");

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(subject(cache.show(7, BASE, database))).isEqualTo("New");
    }

    @Test
    void shouldReadTheTicketAgainAfterAWrite() {
        cache.show(7, BASE, database);
        stored = ticket(7, "New");

        cache.invalidate(7);

        assertThat(subject(cache.show(7, BASE, database))).isEqualTo("New");
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldNotKeepARowReadBeforeAWriteThatRacedTheRead() {
        LongFunction<Ticket> racing = id -> {
            Ticket old = database.apply(id);
            cache.invalidate(id); // the write lands between the read and the store
            return old;
        };
        cache.show(7, BASE, racing);
        stored = ticket(7, "New");

        assertThat(subject(cache.show(7, BASE, database))).isEqualTo("New");
    }

    @Test
    void shouldDropTheTicketAgainWhenTheWritingTransactionCompletes() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.invalidate(7);
            // A reader that read the still-committed old row after the write's statement ran.
            cache.show(7, BASE, database);
            stored = ticket(7, "New");

            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

            assertThat(subject(cache.show(7, BASE, database))).isEqualTo("New");
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void shouldRenderAPageFromEntriesOfEqualRowsOnlyWhateverTheirAge() throws Exception {
        cache.show(7, BASE, database);
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        Ticket changed = ticket(8, "Changed");

        String page = JSON.writeValueAsString(cache.render(List.of(stored, changed), BASE, cache.stamp()));

        assertThat(page)
                .isEqualTo("[" + JSON.writeValueAsString(TicketJson.of(stored, BASE)) + ","
                        + JSON.writeValueAsString(TicketJson.of(changed, BASE)) + "]");
        Ticket newer = ticket(8, "Newer");
        assertThat(JSON.readTree(JSON.writeValueAsString(cache.render(List.of(newer), BASE, cache.stamp())))
                        .path(0)
                        .path("subject")
                        .asString())
                .isEqualTo("Newer");
    }

    @Test
    void shouldListFreshEntriesAsTheyAreAndReadOnlyTheOthersTogetherInTheListsOrder() throws Exception {
        List<List<Long>> reads = new ArrayList<>();
        Function<List<Long>, List<Ticket>> rows = ids -> {
            reads.add(ids);
            // The database answers in its own order, and no longer has ticket 9 (deleted meanwhile).
            return ids.stream()
                    .filter(id -> id != 9)
                    .sorted(Comparator.reverseOrder())
                    .map(id -> id == 7 ? stored : ticket(id, "Other"))
                    .toList();
        };
        cache.show(7, BASE, database);
        stored = ticket(7, "New"); // changed on another instance: 7's entry is still fresh

        List<String> subjects = subjects(cache.list(List.of(8L, 7L, 9L, 6L), BASE, rows));

        assertThat(subjects).containsExactly("Other", "Old", "Other");
        assertThat(reads).containsExactly(List.of(8L, 9L, 6L));

        reads.clear();
        assertThat(subjects(cache.list(List.of(8L, 7L, 6L), BASE, rows))).containsExactly("Other", "Old", "Other");
        assertThat(reads).isEmpty();

        // Once 7's entry is as old as the lifetime, the list reads it again, as a read by id would.
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(subjects(cache.list(List.of(7L, 8L), BASE, rows))).containsExactly("New", "Other");
        assertThat(reads).containsExactly(List.of(7L, 8L));
    }

    @Test
    void shouldListAWriteOnThisInstanceAtOnce() throws Exception {
        Function<List<Long>, List<Ticket>> rows =
                ids -> ids.stream().map(id -> database.apply(id)).toList();
        assertThat(subjects(cache.list(List.of(7L), BASE, rows))).containsExactly("Old");
        stored = ticket(7, "New");

        cache.invalidate(7);

        assertThat(subjects(cache.list(List.of(7L), BASE, rows))).containsExactly("New");
        assertThat(subject(cache.show(7, BASE, database))).isEqualTo("New");
    }

    @Test
    void shouldKeepTheRenderingOfAnExpiredEntryWhoseRowIsUnchanged() {
        cache.show(7, BASE, database);
        List<TicketReadCache.Rendered> first = cache.list(List.of(7L), BASE, ids -> List.of(stored));
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());

        List<TicketReadCache.Rendered> again = cache.list(List.of(7L), BASE, ids -> List.of(stored));

        assertThat(again.get(0)).isSameAs(first.get(0));
        assertThat(loads).hasValue(1);
        // ... and its age starts again: within the lifetime the next list reads nothing.
        assertThat(cache.list(List.of(7L), BASE, ids -> {
                    throw new AssertionError("read " + ids);
                }))
                .containsExactly(first.get(0));
    }

    @Test
    void shouldEmptyEverythingOnAClusterChangeAndStayBounded() {
        cache.show(1, BASE, database);
        cache.show(2, BASE, database);
        cache.show(3, BASE, database);
        cache.show(4, BASE, database); // over the bound of 3: starts again
        cache.show(1, BASE, database);
        assertThat(loads).hasValue(5);

        cache.invalidateAll();
        cache.show(1, BASE, database);
        assertThat(loads).hasValue(6);
    }

    @Test
    void shouldCacheNothingWithALifetimeOfZero() {
        TicketReadCache off = new TicketReadCache(JSON, Duration.ZERO, 3, nanos::get);
        off.show(7, BASE, database);
        off.show(7, BASE, database);
        assertThat(loads).hasValue(2);
    }

    private static List<String> subjects(List<TicketReadCache.Rendered> listed) throws Exception {
        List<String> subjects = new ArrayList<>();
        JSON.readTree(JSON.writeValueAsString(listed))
                .forEach(t -> subjects.add(t.path("subject").asString()));
        return subjects;
    }

    private static String subject(byte[] body) {
        return JSON.readTree(new String(body, StandardCharsets.UTF_8))
                .path("ticket")
                .path("subject")
                .asString();
    }

    private static Ticket ticket(long id, String subject) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        return new Ticket(
                id,
                null,
                null,
                subject,
                subject,
                "d",
                null,
                "open",
                null,
                1,
                1,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of("a"),
                List.of(),
                "api",
                null,
                true,
                false,
                at,
                at,
                1,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }
}
