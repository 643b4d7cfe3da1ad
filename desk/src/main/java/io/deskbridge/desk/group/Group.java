package io.deskbridge.desk.group;

import java.time.Instant;

/** An agent group; tickets carry its id. */
public record Group(long id, String name, String description, boolean isPublic, Instant createdAt, Instant updatedAt) {}
