package io.deskbridge.desk.customfield;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a custom field describes, with Zendesk's resource names for it. */
public enum FieldOwner {
    TICKET(
            "ticket_field",
            "ticket_fields",
            EnumSet.of(
                    FieldType.TEXT,
                    FieldType.TEXTAREA,
                    FieldType.CHECKBOX,
                    FieldType.DATE,
                    FieldType.INTEGER,
                    FieldType.DECIMAL,
                    FieldType.REGEXP,
                    FieldType.TAGGER,
                    FieldType.MULTISELECT)),
    USER("user_field", "user_fields", accountTypes()),
    ORGANIZATION("organization_field", "organization_fields", accountTypes());

    private final String singular;
    private final String plural;
    private final Set<FieldType> creatable;

    FieldOwner(String singular, String plural, Set<FieldType> creatable) {
        this.singular = singular;
        this.plural = plural;
        this.creatable = creatable;
    }

    private static Set<FieldType> accountTypes() {
        return EnumSet.of(
                FieldType.TEXT,
                FieldType.TEXTAREA,
                FieldType.CHECKBOX,
                FieldType.DATE,
                FieldType.INTEGER,
                FieldType.DECIMAL,
                FieldType.REGEXP,
                FieldType.DROPDOWN,
                FieldType.MULTISELECT);
    }

    /** The JSON object name of one field, e.g. {@code ticket_field}. */
    public String singular() {
        return singular;
    }

    /** The list name and path segment, e.g. {@code ticket_fields}. */
    public String plural() {
        return plural;
    }

    /** The types an admin may create for this kind. */
    public Set<FieldType> creatable() {
        return creatable;
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether fields of this kind are addressed by a {@code key}. */
    public boolean keyed() {
        return this != TICKET;
    }
}
