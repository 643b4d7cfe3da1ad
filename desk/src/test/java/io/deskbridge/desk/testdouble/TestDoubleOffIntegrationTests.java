package io.deskbridge.desk.testdouble;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** On the shared desk, where {@code desk.test-double.enabled} is not set: {@code /_desk/} does not exist. */
class TestDoubleOffIntegrationTests extends DeskIntegrationTest {

    @ParameterizedTest
    @CsvSource({
        "POST, /_desk/reset",
        "GET, /_desk/snapshots",
        "POST, /_desk/clock/advance",
        "PUT, /_desk/snapshots/before",
        "POST, /_desk/faults",
        "GET, /_desk",
        "GET, /_desk/anything/else"
    })
    void shouldAnswer404ForEveryTestDoublePathEvenToTheOwner(String method, String path) {
        long auditsBefore = jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE event LIKE 'test_double.%'")
                .query(Long.class)
                .single();

        Response anonymous = api.send(method, path, null, method.equals("GET") ? null : "{}");
        Response owner = api.send(method, path, ownerAuth(), method.equals("GET") ? null : "{}");

        for (Response response : new Response[] {anonymous, owner}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("{\"error\":\"InvalidEndpoint\",\"description\":\"Not found\"}");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE event LIKE 'test_double.%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(auditsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables"
                                + " WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) LIKE 'dsnap%'")
                        .query(Long.class)
                        .single())
                .as("no snapshot taken while off")
                .isZero();
    }
}
