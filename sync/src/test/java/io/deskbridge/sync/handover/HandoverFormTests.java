package io.deskbridge.sync.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HandoverFormTests {

    @Test
    void shouldAcceptAnEmailAndAOneWordToken() {
        assertThat(HandoverPage.problems("admin@acme.test", "abcDEF0123456789")).isEmpty();
    }

    @Test
    void shouldNameEachMissingField() {
        assertThat(HandoverPage.problems("", ""))
                .isEqualTo(Map.of(
                        "email", "Enter the email address of the Zendesk user the API token belongs to.",
                        "api_token", "Paste the API token you copied in Admin Center."));
    }

    @Test
    void shouldRefuseAMalformedEmailAndATokenWithSpaces() {
        assertThat(HandoverPage.problems("admin-at-acme", "abc def"))
                .isEqualTo(Map.of(
                        "email",
                        "The email address is not valid; enter it as name@example.com.",
                        "api_token",
                        "The API token must be one word of at most 512 characters, without spaces; copy it again "
                                + "from Admin Center."));
    }

    @Test
    void shouldHashLinkTokensWithSha256() {
        assertThat(LinkTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(LinkTokens.generate()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(LinkTokens.generate()).isNotEqualTo(LinkTokens.generate());
    }
}
