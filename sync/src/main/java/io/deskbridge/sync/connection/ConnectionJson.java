package io.deskbridge.sync.connection;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A connection as the REST API shows it: never a secret, never a ciphertext.
 *
 * @param address the normalised address ({@code https://acme.zendesk.com}, or a desk's URL)
 * @param authType null before the first credential
 */
@Schema(name = "Connection", description = "A connection to a Zendesk account; never shows a secret.")
public record ConnectionJson(
        long id,
        String name,
        @Schema(example = "https://acme.zendesk.com") String address,
        @Schema(description = "true for *.zendesk.com") boolean zendeskCloud,

        @Schema(allowableValues = {"awaiting_credentials", "ready"})
        String state,

        @Schema(description = "0 before the first credential; bumped by each one received")
        int credentialVersion,

        @Schema(
                allowableValues = {"api_token", "oauth"},
                nullable = true)
        String authType,

        @Schema(description = "The email an API token acts as; null for OAuth", nullable = true)
        String authIdentity,

        @Schema(nullable = true) Instant credentialsReceivedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static ConnectionJson of(Connection c) {
        return new ConnectionJson(
                c.id(),
                c.name(),
                c.address().toString(),
                c.address().zendeskCloud(),
                c.state().wireName(),
                c.credentialVersion(),
                c.authType() == null ? null : c.authType().wireName(),
                c.authIdentity(),
                c.credentialsReceivedAt(),
                c.createdAt(),
                c.updatedAt());
    }

    /** {@code {"connection": {..}}}. */
    public record ConnectionBody(ConnectionJson connection) {}

    /**
     * The create answer: the connection, and warnings such as another connection to the same account
     * (created anyway: two connections can be deliberate, e.g. while replacing one).
     */
    public record CreatedConnectionBody(
            ConnectionJson connection,

            @Schema(description = "What to check, e.g. another connection to the same account; empty if none")
            List<String> warnings) {}

    /** {@code {"connections": [..]}}. */
    public record ConnectionListBody(List<ConnectionJson> connections) {}

    /** The create request: {@code {"connection": {"name": .., "address": ..}}}. */
    public record CreateConnectionRequest(NewConnection connection) {}
}
