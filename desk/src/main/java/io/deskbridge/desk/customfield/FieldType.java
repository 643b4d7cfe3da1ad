package io.deskbridge.desk.customfield;

import java.util.Arrays;
import java.util.Optional;

/** Zendesk's field types, with their wire names; the last seven are the system ticket fields. */
public enum FieldType {
    TEXT("text"),
    TEXTAREA("textarea"),
    CHECKBOX("checkbox"),
    DATE("date"),
    INTEGER("integer"),
    DECIMAL("decimal"),
    REGEXP("regexp"),
    TAGGER("tagger"),
    DROPDOWN("dropdown"),
    MULTISELECT("multiselect"),
    SUBJECT("subject"),
    DESCRIPTION("description"),
    STATUS("status"),
    TICKETTYPE("tickettype"),
    PRIORITY("priority"),
    GROUP("group"),
    ASSIGNEE("assignee");

    private final String wireName;

    FieldType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Drop-down and multiselect fields: their values are option values (tags). */
    public boolean hasOptions() {
        return this == TAGGER || this == DROPDOWN || this == MULTISELECT;
    }

    public static Optional<FieldType> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
