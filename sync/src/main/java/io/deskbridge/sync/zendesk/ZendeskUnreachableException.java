package io.deskbridge.sync.zendesk;

import java.net.URI;

/** No HTTP answer came back: DNS, refused connection, TLS, or a timeout. The message says which. */
public class ZendeskUnreachableException extends RuntimeException {

    private final URI url;
    private final boolean answerStarted;

    /** Nothing answered at all: refused, unreachable, no TLS; a smaller page cannot help. */
    public ZendeskUnreachableException(URI url, String reason, Throwable cause) {
        this(url, reason, false, cause);
    }

    /**
     * @param answerStarted the server took the request but its answer did not come (in time, or
     *     whole): a smaller page may help, as it does for a 5xx
     */
    public ZendeskUnreachableException(URI url, String reason, boolean answerStarted, Throwable cause) {
        super("No answer from " + url.getScheme() + "://" + url.getAuthority() + ": " + reason, cause);
        this.url = url;
        this.answerStarted = answerStarted;
    }

    /** Whether asking for fewer records per page may get an answer next time. */
    public boolean pageSizeMayHelp() {
        return answerStarted;
    }

    public URI url() {
        return url;
    }
}
