/**
 * Authentication of {@code /api/v2} requests in Zendesk's ways (Basic {@code email/token:TOKEN},
 * Basic {@code email:password}, the Admin Center session), with desk's owner binding, scopes and a
 * brute-force throttle.
 */
package io.deskbridge.desk.apiauth;
