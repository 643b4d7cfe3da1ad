package io.deskbridge.desk.businesshours;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Business hours schedules as Airbyte's schedules stream reads them ({@code schedules.json}). Zendesk's
 * OpenAPI document has no schedule schemas, so the shape is pinned here field by field (see the
 * package's decisions).
 */
class ScheduleApiIntegrationTests extends DeskIntegrationTest {

    private String auth;

    @BeforeEach
    void adminToken() {
        auth = ownerAuth();
    }

    private JsonNode create(String body) {
        Response response = api.send("POST", "/api/v2/business_hours/schedules", auth, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("schedule");
    }

    @Test
    void shouldCreateAScheduleWithZendesksDefaultWorkweek() {
        JsonNode schedule = create("{\"schedule\":{\"name\":\"Berlin office\",\"time_zone\":\"Europe/Berlin\"}}");
        assertThat(schedule.path("name").asString()).isEqualTo("Berlin office");
        assertThat(schedule.path("time_zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(schedule.path("intervals").toString())
                .isEqualTo("[{\"start_time\":1980,\"end_time\":2460},{\"start_time\":3420,\"end_time\":3900},"
                        + "{\"start_time\":4860,\"end_time\":5340},{\"start_time\":6300,\"end_time\":6780},"
                        + "{\"start_time\":7740,\"end_time\":8220}]");
        assertThat(schedule.path("created_at").asString()).isNotBlank();

        Response list = api.get("/api/v2/business_hours/schedules.json?page[size]=100", auth);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("schedules").findValuesAsString("id"))
                .contains(Long.toString(schedule.path("id").asLong()));
        assertThat(list.json().has("next_page"))
                .as("Zendesk does not paginate schedules")
                .isFalse();
    }

    @Test
    void shouldReplaceTheWorkweekAndRename() {
        long id = create("{\"schedule\":{\"name\":\"Support\",\"time_zone\":\"UTC\"}}")
                .path("id")
                .asLong();
        Response workweek = api.send(
                "PUT",
                "/api/v2/business_hours/schedules/" + id + "/workweek",
                auth,
                "{\"workweek\":{\"intervals\":[{\"start_time\":3420,\"end_time\":3900},{\"start_time\":1980,\"end_time\":2460}]}}");
        assertThat(workweek.status()).isEqualTo(200);
        assertThat(workweek.body())
                .isEqualTo("{\"workweek\":{\"intervals\":[{\"start_time\":1980,\"end_time\":2460},"
                        + "{\"start_time\":3420,\"end_time\":3900}]}}");
        Response renamed = api.send(
                "PUT", "/api/v2/business_hours/schedules/" + id, auth, "{\"schedule\":{\"name\":\"Support EU\"}}");
        assertThat(renamed.json().at("/schedule/name").asString()).isEqualTo("Support EU");
        assertThat(renamed.json().at("/schedule/intervals").size()).isEqualTo(2);
        assertThat(api.send("DELETE", "/api/v2/business_hours/schedules/" + id, auth, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v2/business_hours/schedules/" + id, auth).status())
                .isEqualTo(404);
    }

    @Test
    void shouldRefuseOverlappingIntervalsAndUnknownZones() {
        Response overlap = api.send(
                "POST",
                "/api/v2/business_hours/schedules",
                auth,
                "{\"schedule\":{\"name\":\"X\",\"time_zone\":\"UTC\",\"intervals\":[{\"start_time\":100,\"end_time\":200},"
                        + "{\"start_time\":150,\"end_time\":300}]}}");
        assertThat(overlap.status()).isEqualTo(422);
        assertThat(overlap.body())
                .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":"
                        + "{\"intervals\":[{\"description\":\"Intervals: intervals must not overlap\","
                        + "\"error\":\"InvalidValue\"}]}}");
        Response zone = api.send(
                "POST",
                "/api/v2/business_hours/schedules",
                auth,
                "{\"schedule\":{\"name\":\"X\",\"time_zone\":\"Mars/Olympus\"}}");
        assertThat(zone.status()).isEqualTo(422);
        assertThat(zone.json().at("/details/time_zone/0/description").asString())
                .isEqualTo("Time zone: must be an IANA time zone such as Europe/Berlin");
    }
}
