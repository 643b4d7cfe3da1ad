package io.deskbridge.sync.diagnostics;

import static io.deskbridge.sync.diagnostics.Checklist.ME;
import static io.deskbridge.sync.diagnostics.Checklist.describe;

import io.deskbridge.sync.zendesk.AuthStyle;
import io.deskbridge.sync.zendesk.ZendeskResponse;
import tools.jackson.databind.JsonNode;

/**
 * 2. Without credentials, does the address answer as a Zendesk Support API (the anonymous user, or
 * Zendesk's error format, with X-Rate-Limit headers)? Anything else (a redirect, a web page, no
 * answer at all) says what it was and what to do.
 */
final class ReachableCheck implements ChecklistStep {

    @Override
    public CheckKey key() {
        return CheckKey.REACHABLE;
    }

    @Override
    public String blocks() {
        return "the address did not answer as a Zendesk Support API (see " + CheckKey.REACHABLE.wireName() + ")";
    }

    @Override
    public Check check(ChecklistRun run) {
        Subject subject = run.subject();
        Answer anonymous = run.get(AuthStyle.NONE, ME);
        if (!anonymous.answered()) {
            return unreachable(subject, anonymous.unreachable());
        }
        ZendeskResponse r = anonymous.response();
        String what = "GET /api/v2/users/me without credentials answered " + describe(r);
        if (r.status() >= 300 && r.status() < 400) {
            return Check.of(
                    CheckKey.REACHABLE,
                    CheckStatus.FAIL,
                    what + ", a redirect to " + r.header("Location").orElse("(no Location)")
                            + ". Zendesk answers API requests directly.",
                    "Use the account's own address (https://<subdomain>.zendesk.com), not a help-center domain, a "
                            + "sign-in page or an address that redirects; then add the connection again with it.");
        }
        JsonNode body = r.body();
        boolean anonymousUser =
                r.status() == 200 && body != null && body.path("user").isObject();
        boolean zendeskError = (r.status() == 401 || r.status() == 403 || r.status() == 429)
                && ((body != null && (body.has("error") || body.has("errors")))
                        || r.rateLimits().account() != null);
        if (anonymousUser || zendeskError) {
            return Check.pass(
                    CheckKey.REACHABLE,
                    what
                            + (anonymousUser ? " with the anonymous user" : " in Zendesk's error format")
                            + (r.rateLimits().account() == null
                                    ? "; it sends no X-Rate-Limit headers."
                                    : ", with X-Rate-Limit headers: a Zendesk Support API."));
        }
        if (r.status() >= 500) {
            return Check.of(
                    CheckKey.REACHABLE,
                    CheckStatus.FAIL,
                    what + ": the server is failing or in maintenance.",
                    subject.address().zendeskCloud()
                            ? "Try again in a few minutes; Zendesk's incidents are listed at https://status.zendesk.com."
                            : "Try again once the server is back; its operator's logs say why it fails.");
        }
        if (subject.address().zendeskCloud() && r.status() == 404) {
            return Check.of(
                    CheckKey.REACHABLE,
                    CheckStatus.FAIL,
                    what + ": no Zendesk account answers at "
                            + subject.address().host() + ".",
                    "Check the subdomain's spelling: it is the address you see after signing in to Zendesk "
                            + "(https://<subdomain>.zendesk.com). Add the connection again with the right one.");
        }
        return Check.of(
                CheckKey.REACHABLE,
                CheckStatus.FAIL,
                what + ": not a Zendesk Support API (no JSON user, no Zendesk error, no X-Rate-Limit headers).",
                "Check the address: it must be the Zendesk account's own (https://<subdomain>.zendesk.com) or a "
                        + "Zendesk-compatible API such as desk; this server is something else (a web page, a proxy or "
                        + "another application). Add the connection again with the right address.");
    }

    static Check unreachable(Subject subject, String why) {
        String host = subject.address().host();
        int port = subject.address().baseUrl().getPort();
        String hostPort = host
                + ":"
                + (port >= 0 ? port : "https".equals(subject.address().baseUrl().getScheme()) ? 443 : 80);
        String fix;
        if (why.contains("does not resolve")) {
            fix = subject.address().zendeskCloud()
                    ? "Check the subdomain's spelling: it is the address you see after signing in to Zendesk "
                            + "(https://<subdomain>.zendesk.com). Add the connection again with the right one."
                    : "Check the host name " + host + " for a typo, and that the sync host's DNS resolves it; add the "
                            + "connection again with the right address.";
        } else if (why.contains("refused")) {
            fix = "Nothing listens on " + hostPort + ": start the server (for desk: ./run), check the port in the "
                    + "address, or let the sync host through the firewall.";
        } else if (why.contains("timed out") || why.contains("no answer within")) {
            fix = "Connections to " + hostPort + " get no answer: a firewall or proxy drops them. Allow outgoing "
                    + "HTTPS from the sync host to " + hostPort + ".";
        } else if (why.contains("TLS")) {
            fix = "The server's certificate is not trusted by sync's Java runtime (self-signed, expired, or a "
                    + "TLS-inspecting proxy): give the server a trusted certificate, or add the proxy's CA to the "
                    + "runtime's truststore.";
        } else if (why.contains("sync.zendesk.max-response-size")) {
            fix = "This server answers with more than sync reads from Zendesk in one answer: check that " + host
                    + " is the Zendesk account's own address; if it is, raise SYNC_ZENDESK_MAX_RESPONSE_SIZE.";
        } else if (why.contains("sync does not connect there")) {
            fix = "Add the connection again with the Zendesk account's own address (https://<subdomain>.zendesk.com)"
                    + " or your Zendesk-compatible server's.";
        } else {
            fix = "Check the address and the network path from the sync host to " + hostPort + ".";
        }
        return Check.of(CheckKey.REACHABLE, CheckStatus.FAIL, why.endsWith(".") ? why : why + ".", fix);
    }
}
