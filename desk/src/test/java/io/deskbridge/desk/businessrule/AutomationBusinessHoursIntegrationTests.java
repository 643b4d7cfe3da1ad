package io.deskbridge.desk.businessrule;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Automations' business-hours conditions count the open hours of the account's default schedule (its
 * first). On a desk of its own: the shared desk holds other classes' schedules, and which one is first
 * would depend on the order the classes ran in.
 */
@TestPropertySource(properties = "desk.rules.automation-poll-interval=1h")
class AutomationBusinessHoursIntegrationTests extends DeskIntegrationTest {

    @Autowired
    AutomationRunner runner;

    @Test
    void shouldCountOnlyTheDefaultSchedulesOpenHours() {
        String auth = ownerAuth();
        Response schedule = api.send(
                "POST",
                "/api/v2/business_hours/schedules",
                auth,
                "{\"schedule\":{\"name\":\"Office\",\"time_zone\":\"UTC\"}}");
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(201);
        rule(auth, "More than 1 business hour", "greater_than_business_hours", "1", "business_nudged");
        rule(auth, "More than 24 calendar hours", "greater_than", "24", "calendar_nudged");
        // Friday 16:30 UTC: half an hour before the default workweek (Monday to Friday 9-17) closes.
        clock.freezeAt(Instant.parse("2026-12-04T16:30:00Z"));
        Response created = api.send(
                "POST",
                "/api/v2/tickets",
                auth,
                DeskClient.json(Map.of(
                        "ticket",
                        Map.of(
                                "subject",
                                "Over the weekend",
                                "status",
                                "pending",
                                "tags",
                                List.of("weekend"),
                                "comment",
                                Map.of("body", "Any news?")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long ticket = created.json().at("/ticket/id").asLong();

        // Monday 09:30: 65 calendar hours, one business hour (30 min on Friday, 30 on Monday).
        clock.advance(Duration.ofHours(65));
        runner.runAll();
        List<String> monday = tags(auth, ticket);
        // Monday 10:31: two business hours and a minute.
        clock.advance(Duration.ofMinutes(61));
        runner.runAll();
        List<String> later = tags(auth, ticket);

        assertThat(monday).contains("calendar_nudged").doesNotContain("business_nudged");
        assertThat(later).contains("calendar_nudged", "business_nudged");
    }

    private void rule(String auth, String title, String operator, String hours, String tag) {
        String conditions = "{\"all\":[{\"field\":\"status\",\"operator\":\"is\",\"value\":\"pending\"},"
                + "{\"field\":\"current_tags\",\"operator\":\"includes\",\"value\":\"weekend\"},"
                + "{\"field\":\"hours_since_created\",\"operator\":\"" + operator + "\",\"value\":\"" + hours + "\"}],"
                + "\"any\":[]}";
        Response created = api.send(
                "POST",
                "/api/v2/automations",
                auth,
                "{\"automation\":{\"title\":\"" + title + "\",\"conditions\":" + conditions
                        + ",\"actions\":[{\"field\":\"current_tags\",\"value\":\"" + tag + "\"}]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private List<String> tags(String auth, long ticket) {
        Response shown = api.get("/api/v2/tickets/" + ticket, auth);
        assertThat(shown.status()).isEqualTo(200);
        return shown.json()
                .at("/ticket/tags")
                .valueStream()
                .map(t -> t.asString())
                .toList();
    }
}
