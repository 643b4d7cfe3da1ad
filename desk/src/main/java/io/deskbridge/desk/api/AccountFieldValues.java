package io.deskbridge.desk.api;

import java.util.Map;

/**
 * The check of {@code user_fields} and {@code organization_fields} values against their definitions,
 * which the customfield capability provides. It lives here so that users and organizations can call
 * it without depending on customfield (which depends on them).
 */
public interface AccountFieldValues {

    /** Whose fields. */
    enum Owner {
        USER,
        ORGANIZATION
    }

    /**
     * The values as stored (numbers as numbers, dates as {@code YYYY-MM-DD}, ...), or a 422
     * {@code RecordInvalid} naming the field's title and the rule a value broke.
     */
    Map<String, Object> check(Owner owner, Map<String, Object> values);
}
