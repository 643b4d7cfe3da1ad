package io.deskbridge.desk.user;

/**
 * What a reset of the account owner's password did besides setting the password.
 *
 * @param email the owner's email, to sign in with
 * @param reactivated the owner was suspended or deleted and is active again
 * @param madeAdmin the owner had lost its admin role and has it again
 */
public record OwnerReset(String email, boolean reactivated, boolean madeAdmin) {

    String describe() {
        StringBuilder text = new StringBuilder("Reset the account owner's password from the command line");
        if (reactivated) {
            text.append("; reactivated the owner (was suspended or deleted)");
        }
        if (madeAdmin) {
            text.append("; restored the owner's admin role");
        }
        return text.toString();
    }
}
