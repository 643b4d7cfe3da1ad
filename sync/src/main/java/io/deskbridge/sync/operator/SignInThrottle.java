package io.deskbridge.sync.operator;

import io.deskbridge.common.security.FailureBudgets;
import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.audit.AuditEvent;
import io.deskbridge.sync.audit.AuditLog;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed operator sign-ins (form and HTTP Basic alike) in Bucket4j token buckets, one per
 * client address and one per account (the email tried, from any address): N failures per minute,
 * refilled gradually. While either bucket of an attempt is empty the attempt is refused before its
 * password is checked, right or wrong. Successful sign-ins cost nothing.
 *
 * <p>The budgets are common's {@link FailureBudgets}, shared with desk's {@code
 * apiauth.FailedAuthThrottle} (greedy refill, one audit entry per burst, the injected clock). A burst starts
 * with the first failure while a bucket is full and lasts until it has refilled completely. Audited:
 * the first failure of an address's burst ({@code operator.sign_in_failed}) and each bucket running
 * dry ({@code operator.sign_in_throttled}, with the count); never a password, and the email only when
 * it is an operator's (a password typed into the email field must not land in the audit log).
 *
 * <p>Locking an account is a trade-off: someone who knows the operator's email can keep its bucket
 * empty. The per-account budget is larger than the per-address one and refills gradually (one attempt
 * every 60/N seconds), so the operator still gets through between an attacker's attempts, and an
 * attacker gets at most N guesses per minute however many addresses it has. Per instance, like desk's.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final FailureBudgets addresses;
    private final FailureBudgets accounts;
    private final AuditLog audit;

    SignInThrottle(SignInProperties properties, AuditLog audit, Clock clock) {
        // sync's clock, not Bucket4j's own: tests move it, and refills follow.
        this.addresses = new FailureBudgets(properties.failuresPerMinutePerAddress(), clock);
        this.accounts = new FailureBudgets(properties.failuresPerMinutePerAccount(), clock);
        this.audit = audit;
    }

    /** Seconds to wait before this address may try to sign in as this email, or 0 when it may now. */
    long retryAfterSeconds(String address, String email) {
        return Math.max(addresses.retryAfterSeconds(address), accounts.retryAfterSecondsForAccount(email));
    }

    /**
     * Counts one failed sign-in against the address and the account, and audits the start of a burst
     * and a bucket running dry.
     *
     * @param operatorEmail the operator's email when the email tried is an operator's, else null
     */
    void recordFailure(String address, String email, String operatorEmail) {
        String as = operatorEmail == null ? "an email that is no operator's" : operatorEmail;
        FailureBudgets.Step byAddress = addresses.fail(address);
        String account = FailureBudgets.accountKey(email);
        FailureBudgets.Step byAccount = account == null ? null : accounts.fail(account);
        Actor actor = Actor.anonymous(address, null);
        if (byAddress.firstOfBurst()) {
            audit.record(
                    AuditEvent.OPERATOR_SIGN_IN_FAILED,
                    actor,
                    null,
                    null,
                    "Failed operator sign-in from " + address + " as " + as
                            + " (wrong email or password); further failures from this address within the minute"
                            + " are counted, not recorded one by one");
        }
        if (byAddress.ranDry()) {
            log.warn(
                    "Operator sign-in from {} failed {} times within a minute; refusing it for now",
                    address,
                    byAddress.failures());
            audit.record(
                    AuditEvent.OPERATOR_SIGN_IN_THROTTLED,
                    actor,
                    null,
                    null,
                    byAddress.failures() + " failed operator sign-ins from " + address
                            + " within a minute; further attempts from this address are refused (HTTP 429)"
                            + " until its budget refills");
        }
        if (byAccount != null && byAccount.ranDry()) {
            log.warn(
                    "Operator sign-in as {} failed {} times within a minute; refusing it for now",
                    as,
                    byAccount.failures());
            audit.record(
                    AuditEvent.OPERATOR_SIGN_IN_THROTTLED,
                    actor,
                    null,
                    null,
                    byAccount.failures() + " failed sign-ins as " + as
                            + " within a minute, the last from " + address
                            + "; further sign-ins as it are refused from every address (HTTP 429)"
                            + " until its budget refills");
        }
    }
}
