package io.deskbridge.sync.address;

import java.net.URI;

/**
 * The base URL of a Zendesk-compatible account: scheme, lower-case host and a non-default port,
 * without path or trailing slash ({@code https://acme.zendesk.com}, {@code http://127.0.0.1:8080}).
 *
 * @param zendeskCloud whether the host is {@code <subdomain>.zendesk.com} (real Zendesk, with its
 *     token retirement dates and plan limits) rather than desk or another compatible server
 */
public record ZendeskAddress(URI baseUrl, boolean zendeskCloud) {

    /**
     * Parses an address already normalised (from the database). One stored before a rule tightened
     * (a host in another IPv4 notation) is kept as it is, so that the connection still lists and can be
     * deleted; {@link ZendeskAddresses#requireCallable} refuses every call to it with the reason.
     */
    public static ZendeskAddress ofBaseUrl(String baseUrl) {
        try {
            return ZendeskAddresses.normalise(baseUrl, PlainHttp.PRIVATE_NETWORKS);
        } catch (InvalidAddressException e) {
            return new ZendeskAddress(URI.create(baseUrl), false);
        }
    }

    public String host() {
        return baseUrl.getHost();
    }

    /** A URL on this account: {@code resolve("/api/v2/users/me.json")}. */
    public URI resolve(String path) {
        return URI.create(baseUrl + path);
    }

    @Override
    public String toString() {
        return baseUrl.toString();
    }
}
