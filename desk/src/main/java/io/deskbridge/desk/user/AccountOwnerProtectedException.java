package io.deskbridge.desk.user;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;

/**
 * 422 {@code RecordInvalid}: a change that would lock everybody out of the Admin Center by taking the
 * account owner away. Zendesk documents the rule ("administrators can delete all users except the
 * account owner") without its error body; desk answers with the record-invalid body under the field
 * that asked for it, error {@code AccountOwnerProtected}, and a description that says why and what to
 * do instead.
 */
class AccountOwnerProtectedException extends RecordInvalidException {

    static final String ERROR = "AccountOwnerProtected";
    private static final String WHY = "; the account owner is the way into the Admin Center";

    private AccountOwnerProtectedException(String field, String description) {
        super(field, ERROR, description);
    }

    static AccountOwnerProtectedException delete(UserAccount owner) {
        return new AccountOwnerProtectedException(
                "base",
                Input.label("base") + ": " + owner.email() + " is the account owner and cannot be deleted" + WHY);
    }

    static AccountOwnerProtectedException suspend(UserAccount owner) {
        return new AccountOwnerProtectedException(
                "suspended",
                Input.label("suspended") + ": " + owner.email() + " is the account owner and cannot be suspended"
                        + WHY);
    }

    static AccountOwnerProtectedException demote(UserAccount owner, Role requested) {
        return new AccountOwnerProtectedException(
                "role",
                Input.label("role") + ": " + owner.email() + " is the account owner and must stay admin (got \""
                        + requested.wireName() + "\")" + WHY);
    }
}
