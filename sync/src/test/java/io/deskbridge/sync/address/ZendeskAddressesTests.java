package io.deskbridge.sync.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
