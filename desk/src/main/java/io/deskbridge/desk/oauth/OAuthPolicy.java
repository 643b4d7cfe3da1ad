package io.deskbridge.desk.oauth;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.cluster.ChangeEpoch;
import io.deskbridge.desk.cluster.EpochCachedValue;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's token-lifetime policy, and the rule that turns a request's {@code expires_in} /
 * {@code refresh_token_expires_in} into the lifetimes granted.
 *
 * <p>Decision: a requested lifetime outside the policy is refused ({@code invalid_request} naming the
 * allowed range), not silently shortened, as Zendesk refuses values outside its bounds.
 */
@Service
public class OAuthPolicy {

    private final OAuthPolicyRepository repository;
    private final AuditLog audit;
    private final ChangeEpoch epoch;
    private final Clock clock;
    private final EpochCachedValue<OAuthLifetimes> cached;

    OAuthPolicy(OAuthPolicyRepository repository, AuditLog audit, ChangeEpoch epoch, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.epoch = epoch;
        this.clock = clock;
        this.cached = new EpochCachedValue<>(epoch, repository::load);
    }

    public OAuthLifetimes current() {
        return cached.get();
    }

    @Transactional
    public OAuthLifetimes update(Actor actor, OAuthLifetimes wanted) {
        check("access_max_seconds", wanted.accessMax(), OAuthLifetimes.ACCESS_MIN, OAuthLifetimes.ACCESS_MAX);
        check("access_default_seconds", wanted.accessDefault(), OAuthLifetimes.ACCESS_MIN, wanted.accessMax());
        check("refresh_max_seconds", wanted.refreshMax(), OAuthLifetimes.REFRESH_MIN, OAuthLifetimes.REFRESH_MAX);
        check("refresh_default_seconds", wanted.refreshDefault(), OAuthLifetimes.REFRESH_MIN, wanted.refreshMax());
        OAuthLifetimes before = repository.load();
        repository.save(wanted, Instant.now(clock));
        audit.record(
                actor,
                AuditAction.UPDATE,
                "oauth_policy.updated",
                "oauth_policy",
                null,
                "OAuth token lifetimes",
                "OAuth token lifetimes changed from " + describe(before) + " to " + describe(wanted));
        epoch.bump();
        return wanted;
    }

    /** Lifetimes granted for a request; {@code refreshRequested} is ignored when no refresh token is issued. */
    Granted grant(Long accessRequested, Long refreshRequested, boolean withRefresh) {
        OAuthLifetimes policy = current();
        long access = accessRequested == null ? policy.accessDefault() : accessRequested;
        if (access < OAuthLifetimes.ACCESS_MIN || access > policy.accessMax()) {
            throw OAuthException.invalidRequest("expires_in " + access + " is outside the allowed "
                    + OAuthLifetimes.ACCESS_MIN + " to " + policy.accessMax() + " seconds");
        }
        if (!withRefresh) {
            return new Granted(access, null);
        }
        long refresh = refreshRequested == null ? policy.refreshDefault() : refreshRequested;
        if (refresh < OAuthLifetimes.REFRESH_MIN || refresh > policy.refreshMax()) {
            throw OAuthException.invalidRequest("refresh_token_expires_in " + refresh + " is outside the allowed "
                    + OAuthLifetimes.REFRESH_MIN + " to " + policy.refreshMax() + " seconds");
        }
        if (access >= refresh) {
            throw OAuthException.invalidRequest(
                    "expires_in " + access + " must be less than refresh_token_expires_in " + refresh);
        }
        return new Granted(access, refresh);
    }

    /** Lifetimes in seconds; {@code refresh} null when no refresh token is issued. */
    record Granted(long access, Long refresh) {}

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new RecordInvalidException(
                    field,
                    "InvalidValue",
                    field + ": " + value + " is outside the allowed " + min + " to " + max + " seconds");
        }
    }

    private static String describe(OAuthLifetimes l) {
        return "access " + l.accessDefault() + "s (max " + l.accessMax() + "s), refresh " + l.refreshDefault()
                + "s (max " + l.refreshMax() + "s)";
    }
}
