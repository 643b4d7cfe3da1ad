package io.deskbridge.desk.apitoken;

import io.deskbridge.common.net.IpAddresses;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Coalesces "last used" (time + IP) in memory and writes each token's latest use at most once per
 * flush interval (default 60 s), so authentication never writes to the database. A crash loses at
 * most one interval of last-used times, never a token or an audit entry.
 */
@Component
class LastUseRecorder {

    private static final Logger log = LoggerFactory.getLogger(LastUseRecorder.class);

    private final ApiTokenRepository repository;
    private final Map<Long, Use> pending = new ConcurrentHashMap<>();

    private record Use(Instant at, String ip) {}

    LastUseRecorder(ApiTokenRepository repository) {
        this.repository = repository;
    }

    void record(long tokenId, Instant at, String ip) {
        pending.merge(
                tokenId,
                new Use(at, IpAddresses.canonical(ip)),
                (old, neu) -> neu.at().isBefore(old.at()) ? old : neu);
    }

    @Scheduled(fixedDelayString = "${desk.tokens.last-used-flush-interval}")
    @PreDestroy
    void flush() {
        for (Long id : pending.keySet()) {
            Use use = pending.remove(id);
            if (use != null) {
                try {
                    repository.recordUse(id, use.at(), use.ip());
                } catch (RuntimeException e) {
                    log.warn("Could not record last use of API token {}: {}", id, e.getMessage());
                }
            }
        }
    }
}
