package io.deskbridge.desk.apitoken;

import io.deskbridge.desk.api.RecordInvalidException;
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
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's API tokens: generate (value shown once), edit, deactivate, reactivate, delete,
 * rotate with a grace period, and verify. Every change is audited and reaches every desk instance
 * through {@link ChangeEpoch}.
 */
@Service
public class ApiTokens {

    public static final Duration MAX_ROTATION_GRACE = Duration.ofDays(7);
    static final int MAX_DESCRIPTION = 255;
    static final String SOURCE_TYPE = "apitoken";

    private final ApiTokenRepository repository;
    private final TokenHasher hasher;
    private final TokenVerifier verifier;
    private final LastUseRecorder lastUse;
    private final ApiAccessPolicy policy;
    private final AuditLog audit;
    private final ChangeEpoch epoch;
    private final ApiTokenProperties properties;
    private final Clock clock;

    ApiTokens(
            ApiTokenRepository repository,
            TokenHasher hasher,
            TokenVerifier verifier,
            LastUseRecorder lastUse,
            ApiAccessPolicy policy,
            AuditLog audit,
            ChangeEpoch epoch,
            ApiTokenProperties properties,
            Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.verifier = verifier;
        this.lastUse = lastUse;
        this.policy = policy;
        this.audit = audit;
        this.epoch = epoch;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Newest first; last-used times include uses not yet written to the database (flushed first, so
     * this must not run inside a read-only transaction).
     */
    public List<ApiToken> list() {
        lastUse.flush();
        Instant now = now();
        return repository.findAll().stream().map(row -> view(row, now)).toList();
    }

    public ApiToken get(long id) {
        lastUse.flush();
        return view(find(id), now());
    }

    /** Generates a token owned by {@code ownerId}; the value is in the result and nowhere else. */
    @Transactional
    public IssuedToken create(Actor actor, long ownerId, NewApiToken request) {
        return issue(actor, ownerId, request, TokenFormat.generate());
    }

    /**
     * A token with a value the caller chose, for test fixtures that must hold the same token on every
     * run (testdouble/, off in production); otherwise exactly {@link #create}. The value must be a
     * well-formed desk token ({@link TokenFormat#generate()} makes one).
     */
    @Transactional
    public IssuedToken createWithValue(Actor actor, long ownerId, NewApiToken request, String value) {
        if (value == null || !TokenFormat.isWellFormed(value)) {
            throw new RecordInvalidException(
                    "value",
                    "InvalidValue",
                    "Value: is not a desk token (dsk_, 32 letters and digits, a 6-character checksum; "
                            + "TokenFormat.generate() makes one)");
        }
        return issue(actor, ownerId, request, value);
    }

    private IssuedToken issue(Actor actor, long ownerId, NewApiToken request, String value) {
        ApiAccessSettings settings = policy.lockForTokenChange();
        if (!settings.tokenAccess()) {
            throw ApiTokenRefusedException.tokenAccessOff();
        }
        String description = validDescription(request.description());
        Instant now = now();
        validateExpiry(request, settings, now);
        if (repository.count() >= properties.maxPerAccount()) {
            throw ApiTokenRefusedException.capReached(properties.maxPerAccount());
        }
        String hash = hasher.hash(value);
        NewApiToken normalized = new NewApiToken(
                description,
                request.scope(),
                request.authenticatesAs(),
                request.neverExpires() ? null : request.expiresAt().truncatedTo(ChronoUnit.SECONDS),
                request.neverExpires());
        long id = repository.insert(ownerId, normalized, hash, hasher.currentVersion(), TokenFormat.hint(value), now);
        ApiToken token = view(find(id), now);
        audit.record(
                actor,
                AuditAction.CREATE,
                "api_token.created",
                SOURCE_TYPE,
                id,
                description,
                "Created API token " + token.maskedValue() + " ("
                        + token.scope().label() + ", authenticates as "
                        + token.authenticatesAs().label() + ", " + expiryText(token.expiresAt()) + ")");
        epoch.bump();
        verifier.prewarm(hash);
        return new IssuedToken(token, value);
    }

    @Transactional
    public ApiToken updateDescription(Actor actor, long id, String description) {
        TokenRow before = find(id);
        String valid = validDescription(description);
        if (valid.equals(before.description())) {
            return view(before, now());
        }
        repository.updateDescription(id, valid, now());
        audit.record(
                actor,
                AuditAction.UPDATE,
                "api_token.updated",
                SOURCE_TYPE,
                id,
                valid,
                "Description changed from \"" + before.description() + "\" to \"" + valid + "\"");
        return view(find(id), now());
    }

    @Transactional
    public ApiToken deactivate(Actor actor, long id) {
        TokenRow row = find(id);
        if (repository.deactivate(id, "manual", now()) == 1) {
            audit.record(
                    actor,
                    AuditAction.UPDATE,
                    "api_token.deactivated",
                    SOURCE_TYPE,
                    id,
                    row.description(),
                    "Deactivated API token " + TokenFormat.masked(row.hint()));
            epoch.bump();
        }
        return view(find(id), now());
    }

    @Transactional
    public ApiToken reactivate(Actor actor, long id) {
        TokenRow row = find(id);
        if (!policy.lockForTokenChange().tokenAccess()) {
            throw ApiTokenRefusedException.tokenAccessOff();
        }
        if (repository.reactivate(id, now()) == 1) {
            audit.record(
                    actor,
                    AuditAction.UPDATE,
                    "api_token.reactivated",
                    SOURCE_TYPE,
                    id,
                    row.description(),
                    "Reactivated API token " + TokenFormat.masked(row.hint()));
            epoch.bump();
        }
        return view(find(id), now());
    }

    @Transactional
    public void delete(Actor actor, long id) {
        TokenRow row = find(id);
        repository.delete(id);
        audit.record(
                actor,
                AuditAction.DESTROY,
                "api_token.deleted",
                SOURCE_TYPE,
                id,
                row.description(),
                "Deleted API token " + TokenFormat.masked(row.hint()));
        epoch.bump();
    }

    /**
     * Issues a new value for the token. The old value keeps working for {@code grace} (0 to 7 days),
     * then stops; a value still in grace from an earlier rotation stops at once.
     */
    @Transactional
    public IssuedToken rotate(Actor actor, long id, Duration grace) {
        if (grace.isNegative() || grace.compareTo(MAX_ROTATION_GRACE) > 0) {
            throw ApiTokenRefusedException.field(
                    "grace_period_seconds",
                    "Grace period: " + grace.toSeconds() + " seconds is outside 0 to " + MAX_ROTATION_GRACE.toSeconds()
                            + " seconds (7 days)");
        }
        if (!policy.lockForTokenChange().tokenAccess()) {
            throw ApiTokenRefusedException.tokenAccessOff();
        }
        TokenRow row = find(id);
        Instant now = now();
        if (!row.active()) {
            throw ApiTokenRefusedException.field("base", "Deactivated tokens cannot be rotated; reactivate it first");
        }
        if (row.expiresAt() != null && !row.expiresAt().isAfter(now)) {
            throw ApiTokenRefusedException.field("base", "Expired tokens cannot be rotated; add a new token instead");
        }
        String value = TokenFormat.generate();
        String hash = hasher.hash(value);
        Instant previousUntil = grace.isZero() ? null : now.plus(grace);
        repository.rotate(id, hash, hasher.currentVersion(), TokenFormat.hint(value), previousUntil, now);
        audit.record(
                actor,
                AuditAction.UPDATE,
                "api_token.rotated",
                SOURCE_TYPE,
                id,
                row.description(),
                "Rotated API token " + TokenFormat.masked(row.hint()) + " to "
                        + TokenFormat.masked(TokenFormat.hint(value))
                        + (previousUntil == null
                                ? "; the old value stopped working at once"
                                : "; the old value works until " + previousUntil));
        epoch.bump();
        verifier.prewarm(hash);
        return new IssuedToken(view(find(id), now), value);
    }

    /**
     * Stops a value reported leaked (issue 14): a token's current value deletes the token, a
     * rotated-away value still in its grace period stops at once and the token's new value keeps
     * working. Audited; every instance drops it within one epoch poll. Empty when no token has this
     * value (a well-formed value is looked up even when expired or deactivated: it is still a leak).
     *
     * <p>Decision: delete, not deactivate: a deactivated token can be reactivated, and a value that
     * was published must never work again. The audit entry is what admins see of it.
     */
    @Transactional
    public Optional<LeakedApiToken> revokeLeaked(Actor actor, String value, String foundAt) {
        if (!TokenFormat.isWellFormed(value)) {
            return Optional.empty();
        }
        for (String hash : hasher.candidateHashes(value)) {
            Optional<ApiTokenRepository.HashMatch> match = repository.findByHash(hash);
            if (match.isEmpty()) {
                continue;
            }
            TokenRow row = find(match.get().id());
            boolean previous = match.get().previous();
            if (previous) {
                repository.dropPrevious(row.id());
            } else {
                repository.delete(row.id());
            }
            audit.record(
                    actor,
                    previous ? AuditAction.UPDATE : AuditAction.DESTROY,
                    "api_token.leaked",
                    SOURCE_TYPE,
                    row.id(),
                    row.description(),
                    (previous
                                    ? "The rotated-away value of API token " + TokenFormat.masked(row.hint())
                                            + " was reported leaked and stopped working; the current value still works"
                                    : "API token " + TokenFormat.masked(row.hint())
                                            + " was reported leaked and deleted")
                            + " (found at " + foundAt + ")");
            epoch.bump();
            return Optional.of(new LeakedApiToken(row.id(), row.ownerId(), !previous));
        }
        return Optional.empty();
    }

    /**
     * Checks a presented value: format and checksum first (no lookup), then the cache, then the
     * database. Does not look at the access switch or the user: the caller does.
     */
    public TokenCheck verify(String presented) {
        return verifier.verify(presented);
    }

    /** Notes a successful use; written to the database coalesced, not per request. */
    public void recordUse(long tokenId, String ipAddress) {
        lastUse.record(tokenId, now(), ipAddress);
    }

    private TokenRow find(long id) {
        return repository.findById(id).orElseThrow(() -> ApiTokenNotFoundException.forId(id));
    }

    ApiToken view(TokenRow row, Instant now) {
        return new ApiToken(
                row.id(),
                row.ownerId(),
                row.ownerName(),
                row.description(),
                TokenFormat.masked(row.hint()),
                row.scope(),
                row.authenticatesAs(),
                status(row, now),
                row.active(),
                row.expiresAt(),
                row.lastUsedAt(),
                row.lastUsedIp(),
                row.createdAt(),
                row.updatedAt(),
                row.deactivatedAt(),
                row.deactivationReason(),
                row.rotatedAt(),
                row.previousValidUntil());
    }

    private TokenStatus status(TokenRow row, Instant now) {
        if (!row.active()) {
            return TokenStatus.DEACTIVATED;
        }
        if (row.expiresAt() == null) {
            return TokenStatus.ACTIVE;
        }
        if (!row.expiresAt().isAfter(now)) {
            return TokenStatus.EXPIRED;
        }
        return row.expiresAt().isAfter(now.plus(properties.expiringSoon()))
                ? TokenStatus.ACTIVE
                : TokenStatus.EXPIRING_SOON;
    }

    private static String validDescription(String description) {
        String trimmed = description == null ? "" : description.strip();
        if (trimmed.isEmpty()) {
            throw ApiTokenRefusedException.blankDescription();
        }
        if (trimmed.length() > MAX_DESCRIPTION) {
            throw ApiTokenRefusedException.description(
                    "is " + trimmed.length() + " characters; the maximum is " + MAX_DESCRIPTION);
        }
        return trimmed;
    }

    private static void validateExpiry(NewApiToken request, ApiAccessSettings settings, Instant now) {
        if (request.neverExpires()) {
            if (!settings.allowsNeverExpiringTokens()) {
                throw ApiTokenRefusedException.expiry("\"never\" is not allowed by the account's token policy (maximum "
                        + settings.tokenMaxLifetimeDays() + " days)");
            }
            return;
        }
        if (request.expiresAt() == null) {
            throw ApiTokenRefusedException.expiry("choose when the token expires");
        }
        if (!request.expiresAt().isAfter(now)) {
            throw ApiTokenRefusedException.expiry(request.expiresAt() + " is not in the future");
        }
        if (!settings.allowsNeverExpiringTokens()) {
            // A date picked in the browser means the end of that day: allow one day of slack.
            Instant latest = now.plus(Duration.ofDays(settings.tokenMaxLifetimeDays() + 1L));
            if (request.expiresAt().isAfter(latest)) {
                throw ApiTokenRefusedException.expiry(request.expiresAt() + " is more than the account's maximum of "
                        + settings.tokenMaxLifetimeDays() + " days away");
            }
        }
    }

    static String expiryText(Instant expiresAt) {
        return expiresAt == null ? "never expires" : "expires " + expiresAt;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
