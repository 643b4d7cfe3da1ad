package io.deskbridge.desk.cluster;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cluster-wide invalidation through one database row. Every change that affects authentication bumps
 * the row in its own transaction; every instance polls it (default every 200 ms) and drops local
 * caches when it moved. Cached entries carry the epoch read BEFORE they were loaded, so an entry
 * loaded concurrently with a change is recognised as stale too: no race can keep a revoked token alive.
 *
 * <p>Why polling and not LISTEN/NOTIFY: it runs unchanged on H2 and PostgreSQL, needs no dedicated
 * connection, and a single-row primary-key read five times a second costs nothing.
 */
@Component
public class ChangeEpoch {

    private static final Logger log = LoggerFactory.getLogger(ChangeEpoch.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<LocalCache> caches;
    private final AtomicLong current = new AtomicLong(-1);

    ChangeEpoch(JdbcClient jdbc, ObjectProvider<LocalCache> caches) {
        this.jdbc = jdbc;
        this.caches = caches;
    }

    /** The epoch this instance has observed; read it before loading cached state. */
    public long current() {
        long epoch = current.get();
        return epoch >= 0 ? epoch : poll();
    }

    /** Marks state as changed for every instance; must run inside the changing transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void bump() {
        jdbc.sql("UPDATE cache_epoch SET version = version + 1 WHERE id = 1").update();
        long version = jdbc.sql("SELECT version FROM cache_epoch WHERE id = 1")
                .query(Long.class)
                .single();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                observe(version);
            }
        });
    }

    @Scheduled(fixedDelayString = "${desk.cluster.epoch-poll-interval}")
    public long poll() {
        try {
            long version = jdbc.sql("SELECT version FROM cache_epoch WHERE id = 1")
                    .query(Long.class)
                    .single();
            observe(version);
            return version;
        } catch (RuntimeException e) {
            // Keep serving from cache while the database blips; the next poll catches up.
            log.warn("Could not read the cache epoch: {}", e.getMessage());
            return current.get();
        }
    }

    private void observe(long version) {
        long before = current.getAndAccumulate(version, Math::max);
        if (before >= 0 && version > before) {
            List<LocalCache> all = caches.orderedStream().toList();
            all.forEach(LocalCache::invalidateAll);
        }
    }
}
