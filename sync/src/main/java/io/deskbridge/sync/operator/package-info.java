/**
 * The operators of sync: who may sign in to the web UI and call the REST API. The first start on an
 * empty database creates one; {@code reset-operator-password} is the way back when its password is lost.
 *
 * <p>Decisions (issue 10):
 *
 * <ul>
 *   <li>Sign-in is throttled per client address and per account ({@link SignInThrottle}), the same
 *       Bucket4j policy as desk's {@code FailedAuthThrottle}, copied rather than shared until desk and
 *       sync have a common module. The per-account budget trades a possible lock-out of the operator
 *       (by someone who knows its email) for a bound on guesses from many addresses; it is larger and
 *       refills gradually, so the operator still gets through between an attacker's attempts.
 *   <li>API calls with HTTP Basic do not each pay a bcrypt: verified credentials are cached for a few
 *       minutes as a keyed hash ({@link VerifiedCredentials}) instead of introducing operator API
 *       tokens, which would change every client. Measured in BENCHMARKS.md ("sync: operator HTTP Basic").
 *   <li>Failed sign-ins are audited once per burst, not per attempt, so a guessing run cannot flood the
 *       audit log; the email only when it is an operator's.
 * </ul>
 */
package io.deskbridge.sync.operator;
