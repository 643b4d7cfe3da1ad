package io.deskbridge.desk.apitoken;

/** A presented token value that matched a usable token. */
public record VerifiedToken(long tokenId, long ownerId, TokenScope scope, AuthenticatesAs authenticatesAs) {}
