package io.deskbridge.desk.apitoken;

import io.deskbridge.desk.apiaccess.ApiAccessPolicy;
import io.deskbridge.desk.apiaccess.ApiAccessSettings;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.cluster.ChangeEpoch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic side of the token lifecycle, run every minute by every instance: rotated-away values
 * stop at the end of their grace, expiries are audited, idle tokens are deactivated, long-deactivated
 * tokens are deleted. Each act is a conditional update, so when several instances sweep at once
 * exactly one of them acts (and audits) per token.
 */
@Component
public class TokenLifecycle {

    private final ApiTokenRepository repository;
    private final LastUseRecorder lastUse;
    private final ApiAccessPolicy policy;
    private final AuditLog audit;
    private final ChangeEpoch epoch;
    private final Clock clock;

    TokenLifecycle(
            ApiTokenRepository repository,
            LastUseRecorder lastUse,
            ApiAccessPolicy policy,
            AuditLog audit,
            ChangeEpoch epoch,
            Clock clock) {
        this.repository = repository;
        this.lastUse = lastUse;
        this.policy = policy;
        this.audit = audit;
        this.epoch = epoch;
        this.clock = clock;
    }

    /** One pass; returns how many tokens it changed. */
    @Scheduled(
            fixedDelayString = "${desk.tokens.lifecycle-sweep-interval}",
            initialDelayString = "${desk.tokens.lifecycle-sweep-interval}")
    @Transactional
    public int sweep() {
        lastUse.flush();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        ApiAccessSettings settings = policy.current();
        Actor system = Actor.system();
        int changed = 0;

        for (TokenRow row : repository.withExpiredGrace(now)) {
            if (repository.endGrace(row.id(), now) == 1) {
                audit.record(
                        system,
                        AuditAction.UPDATE,
                        "api_token.previous_value_deactivated",
                        ApiTokens.SOURCE_TYPE,
                        row.id(),
                        row.description(),
                        "The rotated-away value of API token " + TokenFormat.masked(row.hint())
                                + " stopped working at the end of its grace period (" + row.previousValidUntil() + ")");
                changed++;
            }
        }
        for (TokenRow row : repository.newlyExpired(now)) {
            if (repository.markExpiryAudited(row.id()) == 1) {
                audit.record(
                        system,
                        AuditAction.UPDATE,
                        "api_token.expired",
                        ApiTokens.SOURCE_TYPE,
                        row.id(),
                        row.description(),
                        "API token " + TokenFormat.masked(row.hint()) + " expired at " + row.expiresAt());
                changed++;
            }
        }
        if (settings.tokenIdleDays() > 0) {
            Instant cutoff = now.minus(Duration.ofDays(settings.tokenIdleDays()));
            for (TokenRow row : repository.idleSince(cutoff)) {
                if (repository.deactivate(row.id(), "unused", now) == 1) {
                    audit.record(
                            system,
                            AuditAction.UPDATE,
                            "api_token.auto_deactivated",
                            ApiTokens.SOURCE_TYPE,
                            row.id(),
                            row.description(),
                            "Deactivated API token " + TokenFormat.masked(row.hint()) + ": not used for "
                                    + settings.tokenIdleDays() + " days (last used "
                                    + (row.lastUsedAt() == null
                                            ? "never"
                                            : row.lastUsedAt().toString()) + ")");
                    changed++;
                }
            }
        }
        Instant deleteCutoff = now.minus(Duration.ofDays(settings.tokenRetentionDays()));
        for (TokenRow row : repository.deactivatedBefore(deleteCutoff)) {
            if (repository.deleteIfDeactivatedBefore(row.id(), deleteCutoff) == 1) {
                audit.record(
                        system,
                        AuditAction.DESTROY,
                        "api_token.auto_deleted",
                        ApiTokens.SOURCE_TYPE,
                        row.id(),
                        row.description(),
                        "Deleted API token " + TokenFormat.masked(row.hint()) + ": deactivated for more than "
                                + settings.tokenRetentionDays() + " days");
                changed++;
            }
        }
        if (changed > 0) {
            epoch.bump();
        }
        return changed;
    }
}
