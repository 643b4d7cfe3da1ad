package io.deskbridge.sync.engine;

import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Puts records into sync's store through the store's own upsert (so every derived column is written
 * as a real sync writes it), without a desk or a sync run: for tests that read the store.
 */
public final class StoreSeed {

    private StoreSeed() {}

    /**
     * Stores {@code records} of {@code stream} for the connection. Tickets: version from {@code
     * generated_timestamp}; comments: their ticket from {@code ticket_id} and time from {@code
     * created_at}; every other version 1.
     */
    public static void store(
            ApplicationContext context, long connectionId, StreamName stream, List<JsonNode> records, Instant now) {
        StoreRepository store = context.getBean(StoreRepository.class);
        List<StreamRecord> rows = records.stream()
                .map(r -> switch (stream) {
                    case TICKETS ->
                        new StreamRecord(
                                r.get("id").asLong(),
                                r.path("generated_timestamp").asLong(1),
                                RawRecord.of(r),
                                null,
                                null);
                    case TICKET_COMMENTS ->
                        new StreamRecord(
                                r.get("id").asLong(),
                                1,
                                RawRecord.of(r),
                                r.get("ticket_id").asLong(),
                                r.get("created_at").asString());
                    case USERS, ORGANIZATIONS -> new StreamRecord(r.get("id").asLong(), 1, RawRecord.of(r), null, null);
                })
                .toList();
        store.upsert(connectionId, stream, rows, now);
    }
}
