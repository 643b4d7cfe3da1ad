package io.deskbridge.sync.connection;

/**
 * Where a credential came from, for the audit log.
 *
 * @param description for example "request link 7"
 * @param requestLinkId the link it came through, or null
 */
public record CredentialSource(String description, Long requestLinkId) {}
