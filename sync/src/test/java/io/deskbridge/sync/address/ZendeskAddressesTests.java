package io.deskbridge.sync.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZendeskAddressesTests {

    private static final String EXAMPLES =
            "the subdomain (acme), the host (acme.zendesk.com) or the URL (https://acme.zendesk.com)";

    @Nested
    class WhatOperatorsType {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                acme                                         | https://acme.zendesk.com
                ACME                                         | https://acme.zendesk.com
                '  acme  '                                   | https://acme.zendesk.com
                acme-support2                                | https://acme-support2.zendesk.com
                acme.zendesk.com                             | https://acme.zendesk.com
                acme.zendesk.com/                            | https://acme.zendesk.com
                acme.zendesk.com.                            | https://acme.zendesk.com
                https://acme.zendesk.com                     | https://acme.zendesk.com
                https://acme.zendesk.com/                    | https://acme.zendesk.com
                HTTPS://Acme.Zendesk.COM                     | https://acme.zendesk.com
                https://acme.zendesk.com/agent/tickets/5     | https://acme.zendesk.com
                https://acme.zendesk.com/api/v2/tickets.json?page=2#x | https://acme.zendesk.com
                https://acme.zendesk.com:443/hc/en-us        | https://acme.zendesk.com
                https://acme.zendesk.com:8443                | https://acme.zendesk.com:8443
                support.acme.com                             | https://support.acme.com
                http://127.0.0.1:8080                        | http://127.0.0.1:8080
                http://localhost:18080/                      | http://localhost:18080
                http://LOCALHOST:18080/admin                 | http://localhost:18080
                http://localhost:80                          | http://localhost
                http://desk.localhost:8080                   | http://desk.localhost:8080
                http://127.0.0.2:8080                        | http://127.0.0.2:8080
                http://[::1]:8080/                           | http://[::1]:8080
                localhost:8080                               | http://localhost:8080
                127.0.0.1:8080                               | http://127.0.0.1:8080
                localhost                                    | http://localhost
                https://10.0.0.5                             | https://10.0.0.5
                """)
        void shouldNormaliseToTheBaseUrl(String input, String expected) {
            assertThat(ZendeskAddresses.normalise(input, PlainHttp.LOOPBACK_ONLY)
                            .toString())
                    .isEqualTo(expected);
        }

        @Test
        void shouldTellZendeskCloudFromOtherServers() {
            assertThat(ZendeskAddresses.normalise("acme", PlainHttp.LOOPBACK_ONLY)
                            .zendeskCloud())
                    .isTrue();
            assertThat(ZendeskAddresses.normalise("http://127.0.0.1:8080", PlainHttp.LOOPBACK_ONLY)
                            .zendeskCloud())
                    .isFalse();
            assertThat(ZendeskAddresses.normalise("support.acme.com", PlainHttp.LOOPBACK_ONLY)
                            .zendeskCloud())
                    .isFalse();
        }

        @Test
        void shouldResolvePathsAgainstTheBaseUrl() {
            assertThat(ZendeskAddresses.normalise("acme", PlainHttp.LOOPBACK_ONLY)
                            .resolve("/api/v2/users/me.json")
                            .toString())
                    .isEqualTo("https://acme.zendesk.com/api/v2/users/me.json");
        }
    }

    @Nested
    class Junk {

        @ParameterizedTest(name = "[{0}]")
        @CsvSource(delimiter = '|', textBlock = """
                ''                             | The Zendesk address is empty; enter %s
                '   '                          | The Zendesk address is empty; enter %s
                not a url                      | The Zendesk address contains a space; enter one address: %s
                'acme .zendesk.com'            | The Zendesk address contains a space; enter one address: %s
                ftp://x                        | The Zendesk address uses the scheme ftp://; only https:// (or http:// for a desk on this machine) is supported
                'javascript://alert(1)'        | The Zendesk address uses the scheme javascript://; only https:// (or http:// for a desk on this machine) is supported
                'https:/acme.zendesk.com'      | The Zendesk address is not a host or URL; enter %s
                https://                       | The Zendesk address has no host name; enter %s
                https:///agent                 | The Zendesk address has no host name; enter %s
                acme_corp                      | The Zendesk address's host acme_corp is not a valid host name: use letters a-z, digits and hyphens, separated by dots (acme.zendesk.com)
                -acme.zendesk.com              | The Zendesk address's host -acme.zendesk.com is not a valid host name: use letters a-z, digits and hyphens, separated by dots (acme.zendesk.com)
                acme..zendesk.com              | The Zendesk address's host acme..zendesk.com is not a valid host name: use letters a-z, digits and hyphens, separated by dots (acme.zendesk.com)
                https://acme.zendesk.com:0     | The Zendesk address's port 0 is not a number from 1 to 65535
                https://acme.zendesk.com:70000 | The Zendesk address's port 70000 is not a number from 1 to 65535
                https://acme.zendesk.com:http  | The Zendesk address's port is not a number from 1 to 65535
                https://acme.zendesk.com:      | The Zendesk address ends its host with ':' but gives no port
                http://300.1.1.1               | The Zendesk address's host 300.1.1.1 is not a valid IPv4 address
                'http://[::1'                  | The Zendesk address opens an IPv6 address with '[' but never closes it with ']'; write it as http://[::1]:8080
                'http://::1:8080'              | The Zendesk address has more than one ':' in its host; write an IPv6 address in brackets (http://[::1]:8080)
                http://169.254.169.254         | 169.254.169.254 is a link-local or unspecified IP address (where cloud metadata services live); a Zendesk address cannot point there
                https://0.0.0.0:8080           | 0.0.0.0 is a link-local or unspecified IP address (where cloud metadata services live); a Zendesk address cannot point there
                http://acme.zendesk.com        | http:// is allowed only for a desk on this machine (localhost, 127.0.0.1, [::1]): credentials would cross the network unencrypted; use https://acme.zendesk.com
                http://10.0.0.5:8080           | http:// is allowed only for a desk on this machine (localhost, 127.0.0.1, [::1]): credentials would cross the network unencrypted; use https://10.0.0.5
                """)
        void shouldSayWhatIsWrong(String input, String message) {
            assertThatThrownBy(() -> ZendeskAddresses.normalise(input, PlainHttp.LOOPBACK_ONLY))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage(message.formatted(EXAMPLES));
        }

        @Test
        void shouldRefuseCredentialsInTheAddressWithoutQuotingThem() {
            assertThatThrownBy(() -> ZendeskAddresses.normalise(
                            "https://admin@acme.com:s3cr3t-Pa55@acme.zendesk.com", PlainHttp.LOOPBACK_ONLY))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage("The Zendesk address contains a user name or password (before '@'); remove it: "
                            + "credentials are handed over through a request link, never in the address");
        }
    }

    @Nested
    class PlainHttpOnPrivateNetworks {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                http://10.0.0.5:8080         | http://10.0.0.5:8080
                http://172.16.4.2            | http://172.16.4.2
                http://192.168.1.20:8080/    | http://192.168.1.20:8080
                'http://[fd00::12]:8080'     | 'http://[fd00::12]:8080'
                http://desk:8080             | http://desk:8080
                http://desk.internal         | http://desk.internal
                http://helpdesk.local:8080   | http://helpdesk.local:8080
                """)
        void shouldAllowHttpToPrivateHostsWhenConfigured(String input, String expected) {
            assertThat(ZendeskAddresses.normalise(input, PlainHttp.PRIVATE_NETWORKS)
                            .toString())
                    .isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "http://acme.zendesk.com, acme.zendesk.com",
            "http://172.32.0.1, 172.32.0.1",
            "http://8.8.8.8, 8.8.8.8"
        })
        void shouldStillRefuseHttpToPublicHosts(String input, String host) {
            assertThatThrownBy(() -> ZendeskAddresses.normalise(input, PlainHttp.PRIVATE_NETWORKS))
                    .hasMessage("http:// is allowed only for a desk on this machine (localhost, 127.0.0.1, [::1]) or "
                            + "on a private network: credentials would cross the network unencrypted; use https://"
                            + host);
        }

        @Test
        void shouldKeepRefusingHttpToPrivateHostsByDefault() {
            assertThatThrownBy(() -> ZendeskAddresses.normalise("http://desk:8080", PlainHttp.LOOPBACK_ONLY))
                    .hasMessageStartingWith("http:// is allowed only for a desk on this machine");
        }
    }

    @Nested
    class OtherIpv4Notations {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                https://2852039166                 | 2852039166
                https://0xa9fea9fe                 | 0xa9fea9fe
                https://0XA9FEA9FE                 | 0xa9fea9fe
                https://0251.0376.0251.0376        | 0251.0376.0251.0376
                https://169.254.43518              | 169.254.43518
                https://169.16689662               | 169.16689662
                https://0xa9.0xfe.0xa9.0xfe        | 0xa9.0xfe.0xa9.0xfe
                http://2852039166:8080/latest      | 2852039166
                2852039166:80                      | 2852039166
                https://2852039166./               | 2852039166
                """)
        void shouldRefuseANumericFormOfTheMetadataAddressNamingIt(String input, String host) {
            assertThatThrownBy(() -> ZendeskAddresses.normalise(input, PlainHttp.PRIVATE_NETWORKS))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage("The Zendesk address's host " + host + " is the IPv4 address 169.254.169.254 in "
                            + "another notation, a link-local or unspecified IP address (where cloud metadata "
                            + "services live); a Zendesk address cannot point there");
        }

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource(delimiter = '|', textBlock = """
                https://2130706433:18480    | 2130706433   | 127.0.0.1
                http://0x7f000001:8080      | 0x7f000001   | 127.0.0.1
                http://0177.0.0.1:8080      | 0177.0.0.1   | 127.0.0.1
                http://127.1:8080           | 127.1        | 127.0.0.1
                https://017.0.0.1           | 017.0.0.1    | 15.0.0.1
                https://010.0.0.5           | 010.0.0.5    | 8.0.0.5
                https://167772165           | 167772165    | 10.0.0.5
                https://0                   | 0            | 0.0.0.0
                """)
        void shouldRefuseOtherNotationsNamingTheAddressTheyStandFor(String input, String host, String dotted) {
            String why = dotted.equals("0.0.0.0")
                    ? ", a link-local or unspecified IP address (where cloud metadata services live); a Zendesk "
                            + "address cannot point there"
                    : "; write it as four decimal numbers without leading zeros: " + dotted;
            assertThatThrownBy(() -> ZendeskAddresses.normalise(input, PlainHttp.LOOPBACK_ONLY))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage("The Zendesk address's host " + host + " is the IPv4 address " + dotted
                            + " in another notation" + why);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"https://4294967296", "https://0x1ffffffff", "https://0x", "https://08.1.1.1"})
        void shouldCallNumbersThatAreNoAddressInvalid(String input) {
            String host = input.substring("https://".length());
            assertThatThrownBy(() -> ZendeskAddresses.normalise(input, PlainHttp.LOOPBACK_ONLY))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessageStartingWith("The Zendesk address's host " + host + " is not a valid");
        }

        @Test
        void shouldStillTakeABareNumberForAZendeskSubdomain() {
            assertThat(ZendeskAddresses.normalise("2852039166", PlainHttp.LOOPBACK_ONLY)
                            .toString())
                    .isEqualTo("https://2852039166.zendesk.com");
        }

        @Test
        void shouldStillAcceptTheUsualNotation() {
            assertThat(ZendeskAddresses.normalise("https://192.0.2.10:8443", PlainHttp.LOOPBACK_ONLY)
                            .toString())
                    .isEqualTo("https://192.0.2.10:8443");
            assertThat(ZendeskAddresses.normalise("http://127.0.0.1:18480", PlainHttp.LOOPBACK_ONLY)
                            .toString())
                    .isEqualTo("http://127.0.0.1:18480");
        }
    }

    @Nested
    class Ipv6FormsCarryingIpv4 {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                'https://[::ffff:169.254.169.254]'  | ::ffff:169.254.169.254
                'https://[::ffff:a9fe:a9fe]:8080'   | ::ffff:a9fe:a9fe
                'http://[0:0:0:0:0:ffff:a9fe:a9fe]' | 0:0:0:0:0:ffff:a9fe:a9fe
                """)
        void shouldRefuseAMappedMetadataAddress(String input, String host) {
            assertThatThrownBy(() -> ZendeskAddresses.normalise(input, PlainHttp.LOOPBACK_ONLY))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage("The Zendesk address's host [" + host + "] is the IPv4 address 169.254.169.254 "
                            + "written as IPv6, a link-local or unspecified IP address (where cloud metadata services "
                            + "live); a Zendesk address cannot point there");
        }

        @Test
        void shouldRefuseAMappedLoopbackAddressAskingForThePlainOne() {
            assertThatThrownBy(
                            () -> ZendeskAddresses.normalise("http://[::ffff:127.0.0.1]:8080", PlainHttp.LOOPBACK_ONLY))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage("The Zendesk address's host [::ffff:127.0.0.1] is the IPv4 address 127.0.0.1 "
                            + "written as IPv6; write it as 127.0.0.1");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                'https://[::169.254.169.254]' | 0:0:0:0:0:0:a9fe:a9fe
                'https://[64:ff9b::a9fe:a9fe]' | 64:ff9b:0:0:0:0:a9fe:a9fe
                """)
        void shouldRefuseCompatibleAndNat64Forms(String input, String host) {
            assertThatThrownBy(() -> ZendeskAddresses.normalise(input, PlainHttp.LOOPBACK_ONLY))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessageEndingWith(
                            " is an IPv6 address that carries an IPv4 address inside; a Zendesk address cannot point there");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                'https://[fe80::1]'           | fe80::1 is a link-local or unspecified IP address (where cloud metadata services live)
                'https://[::]'                | :: is a link-local or unspecified IP address (where cloud metadata services live)
                'https://[fd00:ec2::254]'     | fd00:ec2::254 is a cloud metadata address
                https://100.100.100.200       | 100.100.100.200 is a cloud metadata address
                https://0.1.2.3               | 0.1.2.3 is a link-local or unspecified IP address (where cloud metadata services live)
                https://224.0.0.1             | 224.0.0.1 is a multicast or broadcast address
                https://255.255.255.255       | 255.255.255.255 is a multicast or broadcast address
                'https://[ff02::1]'           | ff02::1 is a multicast or broadcast address
                """)
        void shouldRefuseAddressesSyncNeverCalls(String input, String message) {
            assertThatThrownBy(() -> ZendeskAddresses.normalise(input, PlainHttp.PRIVATE_NETWORKS))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage(message + "; a Zendesk address cannot point there");
        }
    }

    @Nested
    class WhatTheHostResolvesTo {

        private static final String FIX = "; sync does not connect there. Point the connection at the Zendesk "
                + "account's own address (https://<subdomain>.zendesk.com) or your Zendesk-compatible server's";

        @Test
        void shouldRefuseANameThatResolvesToTheMetadataAddress() throws Exception {
            InetAddress metadata = InetAddress.getByAddress(
                    "metadata.example", new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254});
            assertThatThrownBy(() -> ZendeskAddresses.checkResolved("metadata.example", metadata))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage("The Zendesk address's host metadata.example resolves to 169.254.169.254, a link-local "
                            + "or unspecified IP address (where cloud metadata services live)" + FIX);
        }

        @Test
        void shouldRefuseANameWhenAnyOfItsAddressesIsForbidden() throws Exception {
            InetAddress fine = InetAddress.getByAddress("mixed.example", new byte[] {(byte) 192, 0, 2, 10});
            InetAddress mapped = InetAddress.getByAddress(
                    "mixed.example", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, (byte) 169, (byte) 254, 1, 1});
            InetAddress nat64 = InetAddress.getByAddress(
                    "mixed.example",
                    new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1});
            assertThatThrownBy(() -> ZendeskAddresses.checkResolved("mixed.example", fine, nat64))
                    .hasMessage("The Zendesk address's host mixed.example resolves to 64:ff9b:0:0:0:0:7f00:1, an IPv6 "
                            + "address that carries an IPv4 address inside" + FIX);
            // Java turns a mapped address into IPv4 itself: it is classified as what it carries.
            assertThatThrownBy(() -> ZendeskAddresses.checkResolved("mixed.example", fine, mapped))
                    .hasMessageContaining("resolves to 169.254.1.1, a link-local");
        }

        @Test
        void shouldAllowPublicPrivateAndLoopbackAddresses() throws Exception {
            ZendeskAddresses.checkResolved(
                    "fine.example",
                    InetAddress.getByAddress("fine.example", new byte[] {(byte) 192, 0, 2, 10}),
                    InetAddress.getByAddress("fine.example", new byte[] {10, 0, 0, 5}),
                    InetAddress.getByAddress("fine.example", new byte[] {127, 0, 0, 1}),
                    InetAddress.getByName("::1"));
        }

        @Test
        void shouldRefuseAStoredAddressInAnotherNotationBeforeAnyLookup() {
            ZendeskAddress stored = ZendeskAddress.ofBaseUrl("https://0xa9fea9fe");
            assertThat(stored.toString()).isEqualTo("https://0xa9fea9fe");
            assertThatThrownBy(() -> ZendeskAddresses.requireCallable(stored))
                    .isInstanceOf(InvalidAddressException.class)
                    .hasMessage("The Zendesk address's host 0xa9fea9fe is the IPv4 address 169.254.169.254 in another "
                            + "notation, a link-local or unspecified IP address (where cloud metadata services live); "
                            + "a Zendesk address cannot point there");
        }

        @Test
        void shouldLetACallToLoopbackThrough() {
            ZendeskAddresses.requireCallable(ZendeskAddress.ofBaseUrl("http://127.0.0.1:8080"));
            ZendeskAddresses.requireCallable(ZendeskAddress.ofBaseUrl("http://localhost:8080"));
        }
    }
}
