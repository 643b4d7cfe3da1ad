package io.deskbridge.desk.audit;

import io.deskbridge.desk.pagination.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's audit log. Callers record inside their own transaction, so a change and its entry
 * commit together. Entries never contain secrets: callers pass descriptions, never values.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A new entry; {@code action} is Zendesk's verb, {@code event} ours. */
    @Transactional
    public void record(
            Actor actor,
            AuditAction action,
            String event,
            String sourceType,
            Long sourceId,
            String sourceLabel,
            String changeDescription) {
        repository.insert(
                action.wireName(),
                event,
                actor,
                sourceType,
                sourceId,
                sourceLabel,
                changeDescription,
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return repository.find(filter, offset, limit);
    }

    /** A window in the query's keyset order (cursor pagination). */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(AuditFilter filter, PageQuery page) {
        return repository.find(filter, page);
    }

    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        return repository.count(filter);
    }
}
