package io.deskbridge.desk.user;

import java.util.Optional;

/**
 * Whether an Admin Center session may still act, judged against the user as stored now. A session
 * ends for good when its user was deleted, suspended, or given another role than the one it signed
 * in with (a demotion must not wait for the 8-hour session timeout; a promotion asks for a fresh
 * sign-in too, so a session's role never changes under it), and also when any of that happened and
 * was undone since it signed in, or the password was reset: the user's session generation moved
 * (suspending and reactivating an admin ends its sessions, it does not pause them). Name and email
 * changes only refresh it.
 */
final class SessionCheck {

    /** Why a session ended, in words for the audit log. */
    enum Ending {
        USER_DELETED("the user was deleted"),
        USER_SUSPENDED("the user was suspended"),
        ROLE_CHANGED("the user's role changed"),
        SESSIONS_ENDED("the user's sessions were ended since this one signed in (suspended or deleted and"
                + " reactivated, role changed, or password reset)");

        private final String reason;

        Ending(String reason) {
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** Either the principal to run this request as, or why the session ended. */
    record Verdict(DeskPrincipal principal, Ending ending) {

        boolean ended() {
            return ending != null;
        }
    }

    private SessionCheck() {}

    static Verdict check(DeskPrincipal signedIn, Optional<UserAccount> stored) {
        if (stored.isEmpty() || !stored.get().active()) {
            return new Verdict(null, Ending.USER_DELETED);
        }
        UserAccount user = stored.get();
        if (user.suspended()) {
            return new Verdict(null, Ending.USER_SUSPENDED);
        }
        if (user.role() != signedIn.role()) {
            return new Verdict(null, Ending.ROLE_CHANGED);
        }
        if (user.sessionGeneration() != signedIn.sessionGeneration()) {
            return new Verdict(null, Ending.SESSIONS_ENDED);
        }
        return new Verdict(DeskPrincipal.of(user, signedIn.via(), signedIn.apiTokenId()), null);
    }
}
