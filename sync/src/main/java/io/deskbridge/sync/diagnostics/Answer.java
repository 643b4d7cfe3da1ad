package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.zendesk.ZendeskResponse;

/**
 * What one request brought back: an HTTP answer, or the reason none came.
 *
 * @param response null when nothing answered
 * @param unreachable why nothing answered ({@code ZendeskUnreachableException}'s message), else null
 */
record Answer(ZendeskResponse response, String unreachable) {

    static Answer of(ZendeskResponse response) {
        return new Answer(response, null);
    }

    static Answer none(String why) {
        return new Answer(null, why);
    }

    boolean answered() {
        return response != null;
    }

    int status() {
        return response == null ? 0 : response.status();
    }
}
