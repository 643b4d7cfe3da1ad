package io.deskbridge.sync.address;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.support.SyncClient;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, item 4: the numeric host forms an outside review used to reach the metadata address and
 * loopback ({@code https://2852039166}, {@code https://0xa9fea9fe}, {@code https://2130706433:18480})
 * are refused over the REST API with Zendesk's 422, and nothing is stored.
 */
class AddressPolicyIntegrationTests extends SyncIntegrationTest {

    private static final String METADATA = "a link-local or unspecified IP address (where cloud metadata services "
            + "live); a Zendesk address cannot point there";

    @Nested
    class CreatingAConnection {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                https://2852039166                | The Zendesk address's host 2852039166 is the IPv4 address 169.254.169.254 in another notation, %s
                https://0xa9fea9fe                | The Zendesk address's host 0xa9fea9fe is the IPv4 address 169.254.169.254 in another notation, %s
                https://2130706433:18480          | The Zendesk address's host 2130706433 is the IPv4 address 127.0.0.1 in another notation; write it as four decimal numbers without leading zeros: 127.0.0.1
                'https://[::ffff:a9fe:a9fe]'      | The Zendesk address's host [::ffff:a9fe:a9fe] is the IPv4 address 169.254.169.254 written as IPv6, %s
                'http://[::ffff:127.0.0.1]:18480' | The Zendesk address's host [::ffff:127.0.0.1] is the IPv4 address 127.0.0.1 written as IPv6; write it as 127.0.0.1
                """)
        void shouldRefuseAHostThatHidesWhereItPointsWith422(String address, String message) {
            long before = connections.list().size();

            Response response = api.send(
                    "POST",
                    "/api/connections",
                    operatorAuth(),
                    SyncClient.json(Map.of("connection", Map.of("name", "Hidden", "address", address))));

            assertThat(response.status()).as(response.body()).isEqualTo(422);
            JsonNode body = response.json();
            assertThat(body.get("error").asString()).isEqualTo("RecordInvalid");
            JsonNode problem = body.get("details").get("address").get(0);
            assertThat(problem.get("error").asString()).isEqualTo("InvalidValue");
            assertThat(problem.get("description").asString()).isEqualTo("Address: " + message.formatted(METADATA));
            assertThat(connections.list()).as("nothing stored").hasSize((int) before);
        }
    }
}
