package io.deskbridge.desk.brand;

import java.time.Instant;

/** A brand as stored. */
public record Brand(
        long id,
        String name,
        String subdomain,
        String hostMapping,
        String signatureTemplate,
        boolean active,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {}
