package io.deskbridge.desk.customfield;

import java.time.Instant;

/** One option of a drop-down or multiselect field; {@code value} is the tag it stands for. */
public record FieldOption(
        long id, long fieldId, String name, String value, int position, Instant createdAt, Instant updatedAt) {}
