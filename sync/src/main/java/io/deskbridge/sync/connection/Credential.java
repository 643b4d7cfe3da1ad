package io.deskbridge.sync.connection;

/** A secret sync authenticates with. Implementations never print their secret in {@code toString}. */
public sealed interface Credential permits ApiTokenCredential, OAuthCredential {

    AuthType type();

    /** Who the credential acts as, when known (the API token's email); shown to operators. */
    String identity();
}
