package io.deskbridge.desk.dynamiccontent;

import java.time.Instant;
import java.util.List;

/** An item with its variants, as stored. */
record DynamicContentItem(
        long id,
        String name,
        String placeholderKey,
        long defaultLocaleId,
        Instant createdAt,
        Instant updatedAt,
        List<Variant> variants) {

    record Variant(
            long id,
            long itemId,
            long localeId,
            String content,
            boolean active,
            Instant createdAt,
            Instant updatedAt) {}

    DynamicContentItem withVariants(List<Variant> all) {
        return new DynamicContentItem(id, name, placeholderKey, defaultLocaleId, createdAt, updatedAt, all);
    }
}
