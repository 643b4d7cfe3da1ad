package io.deskbridge.sync.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log. Callers record inside their own transaction, so a change and its entry commit
 * together; callers that answer with an error must return, not throw, or the entry rolls back.
 */
@Service
public class AuditLog {

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public void record(AuditEvent event, Actor actor, Long connectionId, Long requestLinkId, String description) {
        repository.insert(
                event.wireName(),
                actor,
                connectionId,
                requestLinkId,
                description,
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Newest first; {@code connectionId} null for every connection. */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Long connectionId, int offset, int limit) {
        return repository.find(connectionId, offset, limit);
    }

    @Transactional(readOnly = true)
    public long count(Long connectionId) {
        return repository.count(connectionId);
    }
}
