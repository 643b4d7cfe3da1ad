package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.webhook.EndpointPolicy.AddressKind;
import java.net.InetAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses and URLs webhooks may call (SSRF protection), without DNS. */
class WebhookEndpointPolicyTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "169.254.169.254, LINK_LOCAL_OR_METADATA",
        "169.254.0.1, LINK_LOCAL_OR_METADATA",
        "100.100.100.200, LINK_LOCAL_OR_METADATA",
        "fe80::1, LINK_LOCAL_OR_METADATA",
        "fd00:ec2::254, LINK_LOCAL_OR_METADATA",
        "::ffff:169.254.169.254, LINK_LOCAL_OR_METADATA",
        "64:ff9b::a9fe:a9fe, LINK_LOCAL_OR_METADATA",
        "2002:a9fe:a9fe::1, LINK_LOCAL_OR_METADATA",
        "127.0.0.1, PRIVATE",
        "127.8.9.10, PRIVATE",
        "10.1.2.3, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, PRIVATE",
        "0.0.0.0, PRIVATE",
        "::1, PRIVATE",
        "::, PRIVATE",
        "fc00::1, PRIVATE",
        "fd12:3456::1, PRIVATE",
        "::ffff:10.0.0.1, PRIVATE",
        "::ffff:127.0.0.1, PRIVATE",
        "224.0.0.1, NOT_UNICAST",
        "255.255.255.255, NOT_UNICAST",
        "ff02::1, NOT_UNICAST",
        "8.8.8.8, PUBLIC",
        "172.32.0.1, PUBLIC",
        "100.128.0.1, PUBLIC",
        "2606:4700:4700::1111, PUBLIC"
    })
    void shouldClassifyAddresses(String address, AddressKind kind) throws Exception {
        assertThat(EndpointPolicy.classify(InetAddress.getByName(address))).isEqualTo(kind);
    }

    @Nested
    class WhenPrivateTargetsAreRefused {

        private final EndpointPolicy policy = new EndpointPolicy(false);

        @Test
        void shouldRefuseLoopbackNamingTheSetting() {
            assertThatThrownBy(() -> policy.check("http://127.0.0.1:8080/hook"))
                    .hasMessage("host 127.0.0.1 resolves to 127.0.0.1, a loopback or private-network address;"
                            + " allowed only when desk.webhooks.allow-private-targets is true");
        }

        @Test
        void shouldRefuseIpv6LoopbackLiterals() {
            assertThatThrownBy(() -> policy.check("http://[::1]:8080/hook"))
                    .hasMessageContaining("resolves to 0:0:0:0:0:0:0:1, a loopback or private-network address");
        }

        @Test
        void shouldAcceptPublicAddresses() throws Exception {
            assertThat(policy.check("https://8.8.8.8/hook?token=x").getHost()).isEqualTo("8.8.8.8");
        }
    }

    @Nested
    class WhenPrivateTargetsAreAllowed {

        private final EndpointPolicy policy = new EndpointPolicy(true);

        @Test
        void shouldAcceptLoopback() throws Exception {
            assertThat(policy.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        }

        @Test
        void shouldStillRefuseTheMetadataAddress() {
            assertThatThrownBy(() -> policy.check("http://169.254.169.254/latest/meta-data/"))
                    .hasMessage("host 169.254.169.254 resolves to 169.254.169.254, a link-local or cloud metadata"
                            + " address; webhooks never call those");
        }

        @Test
        void shouldStillRefuseMetadataHostNamesBeforeAnyLookup() {
            assertThatThrownBy(() -> policy.check("http://metadata.google.internal./computeMetadata/v1/"))
                    .hasMessage(
                            "host metadata.google.internal. is a cloud metadata service; webhooks never call those");
        }

        @Test
        void shouldStillRefuseMulticast() {
            assertThatThrownBy(() -> policy.check("http://224.0.0.1/"))
                    .hasMessageContaining("a multicast, broadcast or reserved address");
        }
    }

    @Nested
    class UrlRules {

        @Test
        void shouldRequireHttpOrHttps() {
            assertThatThrownBy(() -> EndpointPolicy.parse("ftp://example.com/x"))
                    .hasMessage("must be an absolute http or https URL with a host");
            assertThatThrownBy(() -> EndpointPolicy.parse("/relative"))
                    .hasMessage("must be an absolute http or https URL with a host");
        }

        @Test
        void shouldRefuseCredentialsInTheUrl() {
            assertThatThrownBy(() -> EndpointPolicy.parse("https://user:pw@example.com/"))
                    .hasMessage("must not contain credentials (user:password@host); use authentication instead");
        }

        @Test
        void shouldReportAnUnresolvableHostAsTransient() {
            assertThatThrownBy(() -> new EndpointPolicy(true).check("http://no-such-host.invalid/"))
                    .isInstanceOfSatisfying(
                            EndpointPolicy.EndpointRefusedException.class,
                            e -> assertThat(e.isTransient()).isTrue())
                    .hasMessage("host no-such-host.invalid does not resolve");
        }
    }
}
