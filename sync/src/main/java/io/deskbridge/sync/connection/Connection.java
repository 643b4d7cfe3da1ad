package io.deskbridge.sync.connection;

import io.deskbridge.sync.address.ZendeskAddress;
import java.time.Instant;

/**
 * A connection, without its secret.
 *
 * @param credentialVersion 0 before the first credential; bumped by each one received
 * @param authType null before the first credential
 * @param authIdentity the email an API token acts as; null for OAuth and before the first credential
 */
public record Connection(
        long id,
        String name,
        ZendeskAddress address,
        ConnectionState state,
        int credentialVersion,
        AuthType authType,
        String authIdentity,
        Instant credentialsReceivedAt,
        Instant createdAt,
        Instant updatedAt) {}
