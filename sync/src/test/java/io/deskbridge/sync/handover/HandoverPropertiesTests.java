package io.deskbridge.sync.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandoverPropertiesTests {

    @Test
    void shouldDefaultTo24HoursAndTheRequestsOwnOrigin() {
        HandoverProperties defaults = new HandoverProperties(null, "", null, false);
        assertThat(defaults.linkLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.publicUrl()).isNull();
        assertThat(defaults.platformName()).isEqualTo("Deskbridge sync");
    }

    @Test
    void shouldBuildLinksOnThePublicUrlWithoutItsTrailingSlash() {
        HandoverProperties properties =
                new HandoverProperties(Duration.ofHours(1), "https://sync.example.com/base/", "Acme sync", true);
        assertThat(LinkUrls.of("abc", properties)).isEqualTo("https://sync.example.com/base/handover/abc");
    }

    @Test
    void shouldRefuseALifetimeOutsideFiveMinutesToSevenDays() {
        assertThatThrownBy(() -> new HandoverProperties(Duration.ofMinutes(4), null, null, false))
                .hasMessage(
                        "sync.handover.link-lifetime (SYNC_HANDOVER_LINK_LIFETIME) is PT4M; it must be from 5m to 7d");
        assertThatThrownBy(() -> new HandoverProperties(Duration.ofDays(8), null, null, false))
                .hasMessage(
                        "sync.handover.link-lifetime (SYNC_HANDOVER_LINK_LIFETIME) is PT192H; it must be from 5m to 7d");
    }

    @Test
    void shouldRefuseAPublicUrlThatIsNotHttpOrHoldsAUserName() {
        String message = "sync.handover.public-url (SYNC_PUBLIC_URL) must be an http(s) URL such as "
                + "https://sync.example.com (scheme, host, optional port and path; no user name)";
        assertThatThrownBy(() -> new HandoverProperties(null, "sync.example.com", null, false))
                .hasMessage(message);
        assertThatThrownBy(() -> new HandoverProperties(null, "https://user:pw@sync.example.com", null, false))
                .hasMessage(message);
    }

    @Test
    void shouldRequireAPublicUrlWhenTheProductionProfileSaysSo() {
        assertThatThrownBy(() -> new HandoverProperties(null, " ", null, true))
                .hasMessage("sync.handover.public-url (SYNC_PUBLIC_URL) is required in the production profile: request"
                        + " links are built on it, never on a request's Host header. Set it to the address Zendesk"
                        + " admins open sync at, such as https://sync.example.com");
    }
}
