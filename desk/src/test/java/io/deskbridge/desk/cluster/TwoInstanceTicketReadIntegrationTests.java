package io.deskbridge.desk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.support.SecondDesk;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The consistency desk documents for reads (ticket/package-info: no cache, every read goes to the
 * database): a ticket written through instance A is served as written by instance B on the very next
 * request, with no propagation delay to wait for. Two instances on one PostgreSQL.
 */
@Tag("postgres-only")
class TwoInstanceTicketReadIntegrationTests extends DeskIntegrationTest {

    @Autowired
    Environment environment;

    private SecondDesk instanceB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = SecondDesk.start(environment, Map.of());
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void shouldServeOnBWhatWasJustWrittenOnAWithoutWaiting() {
        String auth = ownerAuth();
        DeskClient apiB = instanceB.api();
        Response created = api.send(
                "POST",
                "/api/v2/tickets",
                auth,
                "{\"ticket\":{\"subject\":\"Written on A\",\"comment\":{\"body\":\"First\"},\"priority\":\"low\"}}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("ticket").path("id").asLong();
        String path = "/api/v2/tickets/" + id;

        Response firstRead = apiB.get(path, auth);
        assertThat(firstRead.status()).isEqualTo(200);
        assertThat(firstRead.json().path("ticket").path("subject").asString()).isEqualTo("Written on A");

        Response updated = api.send(
                "PUT",
                path,
                auth,
                "{\"ticket\":{\"subject\":\"Changed on A\",\"priority\":\"urgent\",\"additional_tags\":[\"both\"]}}");
        assertThat(updated.status()).isEqualTo(200);

        Response readOnB = apiB.get(path, auth);
        assertThat(readOnB.status()).isEqualTo(200);
        assertThat(readOnB.json().path("ticket").path("subject").asString()).isEqualTo("Changed on A");
        assertThat(readOnB.json().path("ticket").path("priority").asString()).isEqualTo("urgent");
        assertThat(readOnB.json().path("ticket").path("tags").toString()).contains("\"both\"");
        assertThat(readOnB.json().path("ticket").path("updated_at"))
                .isEqualTo(updated.json().path("ticket").path("updated_at"));

        assertThat(api.send("DELETE", path, auth, null).status()).isEqualTo(204);
        assertThat(apiB.get(path, auth).status()).isEqualTo(404);
    }
}
