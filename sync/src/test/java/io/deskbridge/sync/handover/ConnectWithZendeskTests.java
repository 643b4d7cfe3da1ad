package io.deskbridge.sync.handover;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.address.ZendeskAddress;
import org.junit.jupiter.api.Test;

class ConnectWithZendeskTests {

    /** The expected value was computed apart, with Python's hashlib and base64.urlsafe_b64encode. */
    @Test
    void shouldDeriveTheS256ChallengeAsUnpaddedBase64urlOfTheSha256() {
        assertThat(ConnectWithZendesk.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWG8bWFk"))
                .isEqualTo("ptu4vJvdufD4Lc6fmY4FiIR7fjq6cAaWiq2ySiFiWeA");
    }

    @Test
    void shouldSendTheAdminToTheAccountsOwnConsentPage() {
        assertThat(ConnectWithZendesk.consentUrl(ZendeskAddress.ofBaseUrl("https://acme.zendesk.com")))
                .isEqualTo("https://acme.zendesk.com/oauth/authorizations/new");
    }

    @Test
    void shouldNeverPrintTheClientSecret() {
        assertThat(new LinkOAuthClient("deskbridge_sync", "s3cr3t-value", "read").toString())
                .isEqualTo("LinkOAuthClient[clientId=deskbridge_sync, clientSecret=(secret), scope=read]");
    }
}
