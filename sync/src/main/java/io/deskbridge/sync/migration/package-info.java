/**
 * The token → OAuth migration assistant: for every connection that still uses an API token, the
 * risk (days to Zendesk's cut-off, the idle-deactivation date, the token's own expiry), the Admin
 * Center steps to create an OAuth client, and one action that switches the connection to OAuth.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Zendesk's dates (developer.zendesk.com, API token deprecation): no new tokens from
 *       2026-10-27, every token stops on 2027-04-30, and tokens unused for 30 days are deactivated.
 *       The cut-off applies to {@code *.zendesk.com} accounts only; for desk (or another compatible
 *       server) the token's own expiry from the account's token list is the deadline.
 *   <li>The idle-deactivation date is the token's {@code last_used} plus 30 days (Zendesk's rule and
 *       desk's default; sync cannot read desk's configured period). A running schedule keeps moving it.
 *   <li>The new credential is a client-credentials token (client id + secret → {@code POST
 *       /oauth/tokens}, {@code grant_type=client_credentials}, scope {@code read write}): the practical
 *       path for a server integration, since nobody has to approve a consent page. Tokens obtained
 *       otherwise (an authorization-code grant) are accepted as given.
 *   <li>"Tested first" is the diagnostics checklist run with the new credential against the
 *       connection's own address ({@code Diagnostics.trial}): it must authenticate as a real, active
 *       admin and reach every stream's export. A credential of another account cannot pass: the
 *       account does not know the client ({@code invalid_client}) or refuses the token (401). When
 *       the connection has active rules that update tickets, a granted scope without {@code write}
 *       (or {@code tickets:write}) is refused too.
 *   <li>"Swapped between two pages": the engine reads the credential for every page request
 *       ({@code ExportFetcher}), so the switch is one transaction that replaces the credential version
 *       the trial was made against (refused when it changed meanwhile). The page in flight finishes
 *       with the old token; the next page goes out with the new one; no run is stopped and no cursor
 *       moves.
 * </ul>
 */
package io.deskbridge.sync.migration;
