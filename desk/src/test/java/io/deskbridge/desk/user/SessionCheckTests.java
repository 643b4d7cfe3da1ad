package io.deskbridge.desk.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCheckTests {

    private static final UserAccount ADMIN = user(Role.ADMIN, true, false, 3);
    private static final DeskPrincipal SIGNED_IN = DeskPrincipal.of(ADMIN, DeskPrincipal.Via.SESSION, null);

    @Test
    void shouldKeepASessionWhoseUserIsUnchanged() {
        assertThat(SessionCheck.check(SIGNED_IN, Optional.of(ADMIN)))
                .isEqualTo(new SessionCheck.Verdict(SIGNED_IN, null));
    }

    @Test
    void shouldRefreshTheNameAndEmailOfALiveSession() {
        UserAccount renamed = new UserAccount(
                ADMIN.id(),
                "New name",
                "new@deskbridge.test",
                Role.ADMIN,
                true,
                false,
                true,
                "UTC",
                "en-US",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                3);
        SessionCheck.Verdict verdict = SessionCheck.check(SIGNED_IN, Optional.of(renamed));
        assertThat(verdict.ended()).isFalse();
        assertThat(verdict.principal().name()).isEqualTo("New name");
        assertThat(verdict.principal().email()).isEqualTo("new@deskbridge.test");
        assertThat(verdict.principal().via()).isEqualTo(DeskPrincipal.Via.SESSION);
    }

    @Test
    void shouldEndTheSessionOfAMissingOrDeletedUser() {
        assertThat(SessionCheck.check(SIGNED_IN, Optional.empty()).ending())
                .isEqualTo(SessionCheck.Ending.USER_DELETED);
        assertThat(SessionCheck.check(SIGNED_IN, Optional.of(user(Role.ADMIN, false, false, 4)))
                        .ending())
                .isEqualTo(SessionCheck.Ending.USER_DELETED);
    }

    @Test
    void shouldEndTheSessionOfASuspendedUser() {
        assertThat(SessionCheck.check(SIGNED_IN, Optional.of(user(Role.ADMIN, true, true, 4)))
                        .ending())
                .isEqualTo(SessionCheck.Ending.USER_SUSPENDED);
    }

    @Test
    void shouldEndTheSessionWhenTheRoleChangedEitherWay() {
        assertThat(SessionCheck.check(SIGNED_IN, Optional.of(user(Role.AGENT, true, false, 4)))
                        .ending())
                .isEqualTo(SessionCheck.Ending.ROLE_CHANGED);
        DeskPrincipal agent = DeskPrincipal.of(user(Role.AGENT, true, false, 3), DeskPrincipal.Via.SESSION, null);
        assertThat(SessionCheck.check(agent, Optional.of(ADMIN)).ending()).isEqualTo(SessionCheck.Ending.ROLE_CHANGED);
    }

    @Test
    void shouldEndTheSessionWhenTheUsersSessionsWereEndedAndTheChangeUndone() {
        SessionCheck.Verdict verdict = SessionCheck.check(SIGNED_IN, Optional.of(user(Role.ADMIN, true, false, 4)));
        assertThat(verdict.ending()).isEqualTo(SessionCheck.Ending.SESSIONS_ENDED);
        assertThat(verdict.principal()).isNull();
    }

    private static UserAccount user(Role role, boolean active, boolean suspended, long generation) {
        return new UserAccount(
                7,
                "Admin",
                "admin@deskbridge.test",
                role,
                active,
                suspended,
                true,
                "UTC",
                "en-US",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                generation);
    }
}
