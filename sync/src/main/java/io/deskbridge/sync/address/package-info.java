/**
 * Zendesk addresses: whatever an operator types ({@code acme}, {@code acme.zendesk.com}, a URL copied
 * from the agent interface, {@code http://127.0.0.1:8080} for a local desk) becomes one base URL, or
 * an error that says what is wrong with it.
 *
 * <p>One address policy for every call sync makes to an account (issue 10, item 4), applied twice:
 *
 * <ol>
 *   <li>When an address is entered ({@link io.deskbridge.sync.address.ZendeskAddresses#normalise}, pure:
 *       no DNS): an IP address is accepted only in its usual notation, four decimal numbers without
 *       leading zeros ({@code 192.0.2.10}) or a plain IPv6 address. Other notations that resolvers read
 *       as IPv4 ({@code 2852039166}, {@code 0xa9fea9fe}, {@code 0251.0376.0251.0376}, {@code 169.254.43518})
 *       and IPv6 forms carrying an IPv4 address ({@code [::ffff:a9fe:a9fe]}, {@code [::169.254.169.254]},
 *       NAT64 {@code [64:ff9b::…]}) are refused, naming the address they stand for, because they would
 *       reach an address the check never classified. Decision: refused even when they stand for an
 *       allowed address (write it plainly instead); a bare number without scheme, dot or port is still a
 *       Zendesk subdomain ({@code 12345} → {@code https://12345.zendesk.com}).
 *   <li>Before every outbound request ({@link io.deskbridge.sync.address.ZendeskAddresses#requireCallable},
 *       called by {@code ZendeskHttp}, so by runs, diagnostics and OAuth refreshes alike): the host is
 *       resolved and each of its IP addresses classified the same way, so a name that resolves to a
 *       metadata address ({@code metadata.google.internal}, a wildcard DNS name) is refused too.
 * </ol>
 *
 * <p>Never called: unspecified, link-local (cloud metadata), other cloud metadata addresses, multicast
 * and broadcast ({@code ForbiddenDestinations}). Loopback stays allowed, as before: a desk started
 * next to sync is what {@code http://127.0.0.1:8080} is for, so {@code https://127.0.0.1:18480} is as
 * allowed as before, only {@code https://2130706433:18480} is not. Private ranges are allowed over
 * https; {@link io.deskbridge.sync.address.PlainHttp} decides about plain http.
 */
package io.deskbridge.sync.address;
