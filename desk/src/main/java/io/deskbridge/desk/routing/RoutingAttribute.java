package io.deskbridge.desk.routing;

import java.time.Instant;

/** An account attribute (a skill type). */
record RoutingAttribute(String id, long seq, String name, Instant createdAt, Instant updatedAt) {}
