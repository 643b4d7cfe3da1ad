package io.deskbridge.desk.user;

import io.deskbridge.desk.api.Input;

/**
 * A user's API input read as the user endpoints read it, and their role rule, for callers outside this
 * package (the bulk jobs).
 */
public final class UserInput {

    private UserInput() {}

    /** The fields of a user create or update. */
    public static UserChanges changes(Input user) {
        return UserController.changes(user);
    }

    /**
     * Agents may create and edit end users only, and never change anyone's role.
     *
     * @throws io.deskbridge.desk.api.ForbiddenException when {@code caller} may not
     */
    public static void requireMayWrite(DeskPrincipal caller, Role newRole, UserAccount current) {
        UserController.requireMayWrite(caller, newRole, current);
    }
}
