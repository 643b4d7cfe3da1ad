package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.connection.ConnectionState;
import io.deskbridge.sync.connection.Credential;
import java.time.Instant;

/**
 * What the checklist knows about a connection before it sends anything.
 *
 * @param credential the current credential, opened; null when none is stored or it cannot be opened
 * @param credentialProblem why a stored credential cannot be opened, else null
 * @param authPassedAt when authentication last passed with this same credential version, or null
 */
record Subject(
        long connectionId,
        ZendeskAddress address,
        ConnectionState state,
        int credentialVersion,
        Instant credentialsReceivedAt,
        Credential credential,
        String credentialProblem,
        Instant authPassedAt) {}
