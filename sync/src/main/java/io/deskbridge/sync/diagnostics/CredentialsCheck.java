package io.deskbridge.sync.diagnostics;

import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.ConnectionState;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.connection.OAuthCredential;
import java.util.Locale;

/** 3. A credential is stored, opens with this master key, and is well-formed (no "/token" in the email). */
final class CredentialsCheck implements ChecklistStep {

    @Override
    public CheckKey key() {
        return CheckKey.CREDENTIALS;
    }

    @Override
    public String blocks() {
        return "there is no usable credential (see " + CheckKey.CREDENTIALS.wireName() + ")";
    }

    @Override
    public Check check(ChecklistRun run) {
        Subject subject = run.subject();
        if (subject.credentialProblem() != null) {
            return Check.of(
                    CheckKey.CREDENTIALS,
                    CheckStatus.FAIL,
                    "Credential version " + subject.credentialVersion() + " is stored but cannot be opened: "
                            + subject.credentialProblem(),
                    "Start sync with the master key it used when the credential arrived (SYNC_MASTER_KEY or "
                            + "<data-dir>/master-keyset.json), or ask for the credentials again with a new request link.");
        }
        Credential credential = subject.credential();
        if (subject.state() == ConnectionState.AWAITING_CREDENTIALS || credential == null) {
            return Check.of(
                    CheckKey.CREDENTIALS,
                    CheckStatus.FAIL,
                    "No credentials received yet.",
                    "Create a request link (Connections → Create request link, or POST /api/connections/"
                            + subject.connectionId() + "/request-links) and send it to the account's Zendesk admin.");
        }
        String received =
                " Version " + subject.credentialVersion() + ", received " + subject.credentialsReceivedAt() + ".";
        if (credential instanceof ApiTokenCredential token) {
            String email = token.email() == null ? "" : token.email();
            if (email.toLowerCase(Locale.ROOT).endsWith("/token")) {
                return Check.of(
                        CheckKey.CREDENTIALS,
                        CheckStatus.FAIL,
                        "The email was given as " + email + "; sync appends /token itself, so Zendesk would receive "
                                + email + "/token.",
                        "Ask for the credentials again with a new request link and enter the email without /token.");
            }
            if (!email.contains("@")) {
                return Check.of(
                        CheckKey.CREDENTIALS,
                        CheckStatus.FAIL,
                        "The API token's email is \"" + email + "\", which is not an email address.",
                        "Ask for the credentials again with a new request link and enter the Zendesk user's email.");
            }
            return Check.pass(CheckKey.CREDENTIALS, "An API token for " + email + "." + received);
        }
        OAuthCredential oauth = (OAuthCredential) credential;
        return Check.pass(
                CheckKey.CREDENTIALS,
                "An OAuth access token" + (oauth.refreshToken() == null ? " without" : " with") + " a refresh token."
                        + received);
    }
}
