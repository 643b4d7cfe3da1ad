package io.deskbridge.desk.routing;

import java.time.Instant;

/** A value of an attribute (a skill); {@code conditions} is the JSON text sent, or null. */
record RoutingAttributeValue(
        String id,
        long seq,
        String attributeId,
        String name,
        String conditions,
        Instant createdAt,
        Instant updatedAt) {}
