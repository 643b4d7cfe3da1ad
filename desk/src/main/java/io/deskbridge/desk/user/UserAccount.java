package io.deskbridge.desk.user;

import java.time.Instant;

/** A desk user as the rest of desk sees it. */
public record UserAccount(
        long id,
        String name,
        String email,
        Role role,
        boolean active,
        boolean suspended,
        boolean verified,
        String timeZone,
        String locale,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLoginAt) {

    /** Active and not suspended: may sign in and call the API. */
    public boolean canAuthenticate() {
        return active && !suspended;
    }
}
