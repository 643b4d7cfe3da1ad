package io.deskbridge.sync.engine;

import io.deskbridge.sync.connection.Connection;
import io.deskbridge.sync.connection.Connections;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.CredentialRefreshFailedException;
import io.deskbridge.sync.zendesk.ZendeskCredentials;
import io.deskbridge.sync.zendesk.ZendeskHttp;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Requests other than exports (the automation rules' write-backs and the reads that check them)
 * under the same rate governor as the sync's reads, so they spend the connection's quota share of
 * the account's window, never more: each waits for the governor, its answer's rate-limit headers
 * are observed, a 429 is waited out (the governor holds every request of the account until its
 * {@code Retry-After}) and the request repeated, and a 401/403 re-reads the credential once.
 */
@Component
public class ZendeskWrites {

    /** After this many 429s in a row the last answer is returned to the caller. */
    static final int MAX_RATE_LIMITED_IN_A_ROW = 10;

    private final ZendeskHttp http;
    private final RateGovernor governor;
    private final ZendeskCredentials credentials;
    private final Connections connections;

    ZendeskWrites(ZendeskHttp http, RateGovernor governor, ZendeskCredentials credentials, Connections connections) {
        this.http = http;
        this.governor = governor;
        this.credentials = credentials;
        this.connections = connections;
    }

    /**
     * One request on the connection's account (a path such as {@code /api/v2/tickets/5.json}).
     *
     * @throws ZendeskWriteFailedException when the connection has no usable credential
     * @throws io.deskbridge.sync.zendesk.ZendeskUnreachableException when no answer came back
     * @throws io.deskbridge.sync.zendesk.ZendeskCallRefusedException when sync's address policy refused the call
     */
    public ZendeskResponse send(long connectionId, String method, String path, JsonNode body) {
        Connection connection = connections.get(connectionId);
        String account = connection.address().baseUrl().toString();
        boolean refused = false;
        boolean reread = false;
        int rateLimited = 0;
        while (true) {
            governor.acquire(account, false);
            Credential credential = usable(connectionId, refused);
            refused = false;
            ZendeskResponse response =
                    http.send(connection.address(), credential, AuthStyle.NATURAL, method, path, body);
            governor.observe(
                    account,
                    false,
                    response.status(),
                    response.rateLimits(),
                    Clock.systemUTC().instant());
            if (response.status() == 429 && ++rateLimited < MAX_RATE_LIMITED_IN_A_ROW) {
                continue;
            }
            if ((response.status() == 401 || response.status() == 403) && !reread) {
                reread = true;
                refused = true;
                continue;
            }
            return response;
        }
    }

    private Credential usable(long connectionId, boolean refused) {
        Optional<Credential> credential;
        try {
            credential = refused ? credentials.afterRefusal(connectionId) : credentials.current(connectionId);
        } catch (CredentialRefreshFailedException e) {
            throw new ZendeskWriteFailedException(e.getMessage());
        }
        return credential.orElseThrow(() -> new ZendeskWriteFailedException("Connection " + connectionId
                + " has no credentials; send them through a credential request link first"));
    }
}
