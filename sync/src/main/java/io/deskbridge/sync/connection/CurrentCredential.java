package io.deskbridge.sync.connection;

/**
 * A connection's current credential with its version: the version a refresh must still find for the
 * refresh to go ahead ({@link Connections#refreshCredential}).
 */
public record CurrentCredential(int version, Credential credential) {}
