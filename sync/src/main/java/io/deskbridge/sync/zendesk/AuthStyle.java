package io.deskbridge.sync.zendesk;

/** How a credential goes into the {@code Authorization} header. */
public enum AuthStyle {
    /** What the credential calls for: API token as Basic {@code email/token:token}, OAuth as Bearer. */
    NATURAL,
    /** The API token sent as a Bearer token: diagnostics use it to tell an OAuth-shaped mistake apart. */
    BEARER,
    /** No Authorization header at all: what an anonymous caller sees. */
    NONE
}
