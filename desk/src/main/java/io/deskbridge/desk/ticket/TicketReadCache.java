package io.deskbridge.desk.ticket;

import io.deskbridge.desk.cluster.LocalCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Tickets rendered once, per ticket (see package-info, "Read cache and consistency").
 *
 * <p>{@link #show}: the body of {@code GET /api/v2/tickets/{id}}. Read-your-writes on this instance:
 * {@link TicketRepository} calls {@link #invalidate} on every statement that changes a ticket row, at
 * once and again after its transaction completes; a reader takes a {@link Stamp} before it reads the
 * database and {@link #put} keeps its bytes only if no invalidation happened meanwhile (checked again
 * after storing, so an invalidation racing the store removes the entry). A reader that read the old
 * row just before a commit can therefore never leave it cached after the commit. Other instances: an
 * entry is served for less than {@code desk.tickets.read-cache-ttl} after the row it was rendered from
 * was read; a change committed through another desk instance (or straight in the database) is served
 * here at the latest that long after its commit. Decision: elapsed time is measured with a monotonic
 * clock ({@code System.nanoTime}), not desk's {@code Clock}: the test double's clock can be frozen or
 * moved back, which would keep entries forever. The cluster {@code ChangeEpoch} (test-double reset and
 * restore, on any instance) empties the cache too.
 *
 * <p>{@link #list}: the tickets of {@code GET /tickets}, whose ids (and order) come from the database
 * just now: each ticket is served as {@link #show} would serve it, so a list is as fresh as a read by
 * id (read-your-writes here, at most the TTL behind other instances). Only tickets with no fresh
 * entry are read whole.
 *
 * <p>{@link #render}: tickets read from the database just now ({@code show_many}). A ticket's cached
 * rendering is reused only when it was rendered from an equal row (and the same base URL), so those
 * answers are exactly as fresh as their query, whatever the entry's age.
 */
@Component
class TicketReadCache implements LocalCache {

    /** When a reader started: compared by {@link #put} and stored as the entry's age. */
    record Stamp(long generation, long nanos) {}

    /** A ticket object rendered earlier, written into a list as it is. */
    @JsonSerialize(using = Rendered.Writer.class)
    record Rendered(SerializedString json) {

        static final class Writer extends ValueSerializer<Rendered> {
            @Override
            public void serialize(Rendered value, JsonGenerator gen, SerializationContext context) {
                gen.writeRawValue(value.json());
            }
        }
    }

    private record Entry(Ticket row, String base, Rendered object, long readNanos) {

        byte[] showBody() {
            byte[] utf8 = object.json().asUnquotedUTF8();
            byte[] body = new byte[SHOW_START.length + utf8.length + 1];
            System.arraycopy(SHOW_START, 0, body, 0, SHOW_START.length);
            System.arraycopy(utf8, 0, body, SHOW_START.length, utf8.length);
            body[body.length - 1] = '}';
            return body;
        }
    }

    private static final byte[] SHOW_START = "{\"ticket\":".getBytes(StandardCharsets.UTF_8);

    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ObjectMapper json;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanos;

    @Autowired
    TicketReadCache(
            ObjectMapper json,
            @Value("${desk.tickets.read-cache-ttl:1s}") Duration ttl,
            @Value("${desk.tickets.read-cache-max-entries:10000}") int maxEntries) {
        this(json, ttl, maxEntries, System::nanoTime);
    }

    TicketReadCache(ObjectMapper json, Duration ttl, int maxEntries, LongSupplier nanos) {
        this.json = json;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanos = nanos;
    }

    /** Taken before reading what {@link #put} will store. */
    Stamp stamp() {
        return new Stamp(generation.get(), nanos.getAsLong());
    }

    /**
     * {@code {"ticket": …}} for the ticket, from the cache when fresh, else from {@code load} (which
     * throws for a missing ticket).
     */
    byte[] show(long id, String base, LongFunction<Ticket> load) {
        Entry entry = ttlNanos > 0 ? entries.get(id) : null;
        if (entry != null) {
            if (nanos.getAsLong() - entry.readNanos() < ttlNanos) {
                if (entry.base().equals(base)) {
                    return entry.showBody();
                }
            } else {
                entries.remove(id, entry);
            }
        }
        Stamp stamp = stamp();
        return put(load.apply(id), base, stamp).showBody();
    }

    /**
     * The tickets of a list page, in its order: each one's rendering while fresh, as {@link #show}
     * serves it; the others are read together with {@code load} and rendered (or, when the row read is
     * equal to the one an expired entry was rendered from, that rendering is kept and its age reset). A
     * ticket {@code load} no longer finds (deleted after the page's ids were read) is left out.
     */
    List<Rendered> list(List<Long> ids, String base, Function<List<Long>, List<Ticket>> load) {
        Rendered[] found = new Rendered[ids.size()];
        List<Long> missing = new ArrayList<>();
        long now = nanos.getAsLong();
        for (int i = 0; i < found.length; i++) {
            Entry entry = ttlNanos > 0 ? entries.get(ids.get(i)) : null;
            if (entry != null
                    && now - entry.readNanos() < ttlNanos
                    && entry.base().equals(base)) {
                found[i] = entry.object();
            } else {
                missing.add(ids.get(i));
            }
        }
        if (!missing.isEmpty()) {
            Stamp stamp = stamp();
            Map<Long, Rendered> read = new HashMap<>();
            for (Ticket row : load.apply(missing)) {
                Entry old = entries.get(row.id());
                read.put(
                        row.id(),
                        old != null && old.row().equals(row) && old.base().equals(base)
                                ? keep(new Entry(row, base, old.object(), stamp.nanos()), stamp)
                                        .object()
                                : put(row, base, stamp).object());
            }
            for (int i = 0; i < found.length; i++) {
                if (found[i] == null) {
                    found[i] = read.get(ids.get(i));
                }
            }
        }
        List<Rendered> rendered = new ArrayList<>(found.length);
        for (Rendered object : found) {
            if (object != null) {
                rendered.add(object);
            }
        }
        return rendered;
    }

    /** The tickets of a page, each from the cache when it was rendered from an equal row. */
    List<Rendered> render(List<Ticket> rows, String base, Stamp stamp) {
        List<Rendered> rendered = new ArrayList<>(rows.size());
        for (Ticket row : rows) {
            Entry entry = entries.get(row.id());
            rendered.add(
                    entry != null && entry.row().equals(row) && entry.base().equals(base)
                            ? entry.object()
                            : put(row, base, stamp).object());
        }
        return rendered;
    }

    /** Renders the row and keeps it unless the cache was invalidated since {@code stamp}. */
    private Entry put(Ticket row, String base, Stamp stamp) {
        SerializedString object = new SerializedString(json.writeValueAsString(TicketJson.of(row, base)));
        return keep(new Entry(row, base, new Rendered(object), stamp.nanos()), stamp);
    }

    /** Stores the entry unless the cache was invalidated since {@code stamp}; returns it either way. */
    private Entry keep(Entry entry, Stamp stamp) {
        Ticket row = entry.row();
        if (ttlNanos <= 0 || generation.get() != stamp.generation()) {
            return entry;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(row.id(), entry);
        if (generation.get() != stamp.generation()) {
            entries.remove(row.id(), entry);
        }
        return entry;
    }

    /** The ticket's row changes: now, and again once the changing transaction has completed. */
    void invalidate(long id) {
        drop(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop(id);
                }
            });
        }
    }

    /** A statement that changes rows of several tickets (or all of them). */
    void invalidateEverything() {
        invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidateAll();
                }
            });
        }
    }

    private void drop(long id) {
        generation.incrementAndGet();
        entries.remove(id);
    }

    @Override
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
