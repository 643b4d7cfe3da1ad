package io.deskbridge.desk.businessrule;

import java.time.Instant;

/** A ticket trigger category: its triggers run together, in the category's position order. */
record TriggerCategory(long id, String name, long position, Instant createdAt, Instant updatedAt) {}
