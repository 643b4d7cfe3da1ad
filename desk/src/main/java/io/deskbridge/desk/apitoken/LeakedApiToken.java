package io.deskbridge.desk.apitoken;

/** An API token stopped because its value was reported leaked; {@code deleted} false: only its rotated-away value. */
public record LeakedApiToken(long tokenId, long ownerId, boolean deleted) {}
