package io.deskbridge.desk.apiauth;

import io.deskbridge.common.security.FailureBudgets;
import io.deskbridge.desk.audit.Actor;
import io.deskbridge.desk.audit.AuditAction;
import io.deskbridge.desk.audit.AuditLog;
import io.deskbridge.desk.user.Users;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed authentications (API Basic and Bearer, Admin Center sign-in) in common's {@link
 * FailureBudgets}: one budget per client address and one per account (the email tried, from any
 * address). While either budget of an attempt is spent, the attempt is refused with 429 (the API) or
 * sent back to the sign-in page (the form) before its credential is checked, right or wrong. Each
 * budget running dry is audited once per burst, never the credential, and the email only when it is
 * a user's (a password typed into the email field must not land in the audit log).
 *
 * <p>Locking an account is a trade-off: someone who knows an email can keep its budget spent. The
 * per-account budget is larger than the per-address one and refills gradually, so the user still
 * gets through between an attacker's attempts, and an attacker gets at most N guesses per minute at
 * one account however many addresses it has (issue 10). Per instance: an attacker spread over N
 * instances gets N times the budget, which still bounds guessing far below what a 190-bit token needs.
 */
@Component
public class FailedAuthThrottle {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthThrottle.class);

    private final FailureBudgets addresses;
    private final FailureBudgets accounts;
    private final AuditLog audit;
    private final Users users;

    FailedAuthThrottle(ApiAuthenticationProperties properties, AuditLog audit, Users users, Clock clock) {
        // desk's clock, not Bucket4j's own: tests move it, and refills follow.
        this.addresses = new FailureBudgets(properties.failedAttemptsPerMinute(), clock);
        this.accounts = new FailureBudgets(properties.failedAttemptsPerMinutePerAccount(), clock);
        this.audit = audit;
        this.users = users;
    }

    /**
     * Seconds to wait before this address may try again as this email, or 0 when it may try now.
     *
     * @param email the email of the attempt, null when it names none (a Bearer token)
     */
    public long retryAfterSeconds(String address, String email) {
        return Math.max(addresses.retryAfterSeconds(address), accounts.retryAfterSecondsForAccount(email));
    }

    /** Counts one failure against the address and the account; audits each budget running dry. */
    public void recordFailure(String address, String email) {
        FailureBudgets.Step byAddress = addresses.fail(address);
        if (byAddress.ranDry()) {
            log.warn(
                    "Authentication from {} failed {} times within a minute; refusing it for now",
                    address,
                    byAddress.failures());
            audit.record(
                    new Actor(null, "Unauthenticated client", address),
                    AuditAction.LOGIN,
                    "api_auth.failed_burst",
                    "api_authentication",
                    null,
                    address,
                    byAddress.failures() + " failed API authentications from " + address
                            + " within a minute; further attempts from it are refused with 429 until its budget refills");
        }
        String account = FailureBudgets.accountKey(email);
        if (account == null) {
            return;
        }
        FailureBudgets.Step byAccount = accounts.fail(account);
        if (byAccount.ranDry()) {
            String who = users.findByEmailCached(email.strip())
                    .map(u -> "user " + u.id())
                    .orElse("an email that is no user's");
            log.warn(
                    "Authentication as {} failed {} times within a minute, the last from {}; refusing it for now",
                    who,
                    byAccount.failures(),
                    address);
            audit.record(
                    new Actor(null, "Unauthenticated client", address),
                    AuditAction.LOGIN,
                    "api_auth.account_failed_burst",
                    "api_authentication",
                    null,
                    who,
                    byAccount.failures() + " failed authentications as " + who
                            + " within a minute, the last from " + address
                            + "; further attempts as it are refused from every address until its budget refills");
        }
    }
}
