package io.deskbridge.desk.user;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fields of a user create or update; empty means "not given" (unchanged on update). */
public record UserChanges(
        Optional<String> name,
        Optional<String> email,
        Optional<Role> role,
        Optional<Boolean> suspended,
        Optional<Boolean> verified,
        Optional<Long> organizationId,
        Optional<String> externalId,
        Optional<String> phone,
        Optional<String> details,
        Optional<String> notes,
        Optional<List<String>> tags,
        Optional<Map<String, Object>> userFields,
        Optional<String> timeZone,
        Optional<String> locale) {

    /** Just a name and an email, e.g. a ticket requester. */
    public static UserChanges nameAndEmail(String name, String email) {
        return new UserChanges(
                Optional.ofNullable(name),
                Optional.ofNullable(email),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
