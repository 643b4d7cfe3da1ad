/**
 * desk as a Zendesk-compatible OAuth 2.0 server: clients ({@code /api/v2/oauth/clients}, Admin
 * Center → Apps and integrations → APIs → OAuth clients), the consent page
 * ({@code /oauth/authorizations/new}), the token endpoint ({@code POST /oauth/tokens}), the token API
 * ({@code /api/v2/oauth/tokens}) and the scope rules every Bearer request passes.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Own code, not Spring Authorization Server: Zendesk's wire format (JSON token requests,
 *       {@code expires_in}/{@code refresh_token_expires_in} in the request, Zendesk's client and
 *       token objects, its paths) is not SAS's, and the rest (opaque tokens, HMAC at rest, the
 *       epoch-stamped cache) is desk's API-token machinery reused.
 *   <li>Values: access tokens {@code dsko_…}, refresh tokens {@code dskr_…}, client secrets
 *       {@code dskc_…}, all in the API-token shape (32 random base62 characters + CRC32 checksum,
 *       {@link io.deskbridge.desk.apitoken.TokenFormat}) so secret scanners can recognise them;
 *       stored only as HMAC-SHA256 under the token pepper ({@link
 *       io.deskbridge.desk.apitoken.TokenHasher}); lists show the first 10 characters, as Zendesk.
 *   <li>Client credentials act as the admin who created the client ({@code user_id}), while that
 *       user is an active admin; no refresh token is issued (RFC 6749 4.4.3).
 *   <li>Any signed-in, active desk user may approve a client; the token acts as that user, with that
 *       user's role, limited by its scopes.
 *   <li>{@code impersonate} and unknown scopes are refused at the token request ({@code
 *       invalid_scope}); {@code /oauth/tokens} answers 200 (RFC 6749), not the OAS's 201.
 *   <li>Client authentication failures at {@code /oauth/tokens} are not counted by the API's
 *       failed-authentication throttle (that lives in {@code apiauth}, which depends on this
 *       package); secrets carry ~190 bits, so guessing is not the threat the throttle answers.
 *   <li>Revoked and rotated rows are kept (the token list hides them): reuse detection needs them.
 *       Expired authorization codes are deleted a day after expiry.
 * </ul>
 */
package io.deskbridge.desk.oauth;
