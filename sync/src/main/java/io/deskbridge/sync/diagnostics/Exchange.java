package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.zendesk.AuthStyle;

/** One GET on the connection's account with its credential in the given style; never retried. */
@FunctionalInterface
interface Exchange {

    Answer get(AuthStyle style, String pathAndQuery);
}
