package io.deskbridge.desk.oauth;

/**
 * A client with its secret, right after creation or "generate secret": the only moment the value
 * exists outside the caller's hands.
 *
 * @param secret null for a public client
 */
public record IssuedClient(OAuthClient client, String secret) {}
