package io.deskbridge.sync.zendesk;

import java.net.URI;

/** No HTTP answer came back: DNS, refused connection, TLS, or a timeout. The message says which. */
public class ZendeskUnreachableException extends RuntimeException {

    private final URI url;

    ZendeskUnreachableException(URI url, String reason, Throwable cause) {
        super("No answer from " + url.getScheme() + "://" + url.getAuthority() + ": " + reason, cause);
        this.url = url;
    }

    public URI url() {
        return url;
    }
}
