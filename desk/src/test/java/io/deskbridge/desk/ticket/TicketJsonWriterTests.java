package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@link TicketJsonWriter} writes what Jackson writes for the same {@link TicketJson}, byte for byte. */
class TicketJsonWriterTests {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void shouldWriteWhatJacksonWritesForPlainAndUnusualTickets() {
        List<Ticket> tickets = List.of(
                ticket(1, "Plain", null, List.of(), Instant.parse("2024-05-06T07:08:09Z"), null, null),
                ticket(
                        2,
                        "Quotes \" back\\slash \n new line \t tab \u2028 é 😀 </script> \u0001",
                        "support@example.test",
                        List.of(
                                new CustomFieldValue(360000000001L, NODES.stringNode("eu")),
                                new CustomFieldValue(360000000002L, NODES.nullNode()),
                                new CustomFieldValue(360000000003L, NODES.booleanNode(true)),
                                new CustomFieldValue(360000000004L, NODES.numberNode(12.5)),
                                new CustomFieldValue(
                                        360000000005L,
                                        NODES.arrayNode().add("a").add(2)),
                                new CustomFieldValue(360000000006L, null)),
                        Instant.parse("2024-05-06T07:08:09.120Z"),
                        Instant.parse("0999-12-31T23:59:59Z"),
                        new TicketSatisfaction(55L, "bad", "Slow \"reply\"", "Other", 100L)),
                ticket(
                        3,
                        null,
                        null,
                        List.of(),
                        Instant.parse("+10000-01-01T00:00:00Z"),
                        Instant.parse("1969-12-31T23:59:59.000000001Z"),
                        new TicketSatisfaction(9L, "good", null, null, null)));
        for (Ticket ticket : tickets) {
            for (boolean deleted : List.of(false, true)) {
                Ticket row = deleted ? deleted(ticket) : ticket;
                TicketJson json = TicketJson.of(row, "http://desk.test");
                assertThat(written(json)).isEqualTo(JSON.writeValueAsString(json));
            }
        }
    }

    @Test
    void shouldFormatInstantsAsInstantToString() {
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-40_000_000_000L, 260_000_000_000L);
            int nanos = i % 3 == 0 ? random.nextInt(1_000_000_000) : 0;
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(TicketJsonWriter.format(instant)).isEqualTo(instant.toString());
        }
        for (String edge : List.of(
                "1000-01-01T00:00:00Z",
                "0999-12-31T23:59:59Z",
                "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "1970-01-01T00:00:00Z",
                "2000-02-29T12:00:00Z")) {
            Instant instant = Instant.parse(edge);
            assertThat(TicketJsonWriter.format(instant)).isEqualTo(edge);
        }
    }

    private static String written(TicketJson json) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            TicketJsonWriter.write(json, gen);
        }
        return out.toString();
    }

    private static Ticket deleted(Ticket t) {
        return new Ticket(
                t.id(),
                t.externalId(),
                t.type(),
                t.subject(),
                t.rawSubject(),
                t.description(),
                t.priority(),
                t.status(),
                t.recipient(),
                t.requesterId(),
                t.submitterId(),
                t.assigneeId(),
                t.organizationId(),
                t.groupId(),
                t.collaboratorIds(),
                t.followerIds(),
                t.tags(),
                t.customFields(),
                t.viaChannel(),
                t.dueAt(),
                t.isPublic(),
                t.hasIncidents(),
                t.createdAt(),
                t.updatedAt(),
                t.generatedTimestamp(),
                Instant.parse("2025-01-01T00:00:00Z"),
                4L,
                t.brandId(),
                t.ticketFormId(),
                t.problemId(),
                t.emailCcIds(),
                t.satisfaction());
    }

    private static Ticket ticket(
            long id,
            String subject,
            String recipient,
            List<CustomFieldValue> customFields,
            Instant updatedAt,
            Instant dueAt,
            TicketSatisfaction satisfaction) {
        boolean full = id % 2 == 0;
        return new Ticket(
                id,
                full ? "ext-" + id : null,
                full ? "incident" : null,
                subject,
                full ? subject : null,
                "Description of " + id + (full ? " with \"quotes\" and\nlines" : ""),
                full ? "high" : null,
                "open",
                recipient,
                10,
                11,
                full ? 12L : null,
                full ? 13L : null,
                full ? 14L : null,
                full ? List.of(20L, 21L) : List.of(),
                full ? List.of(22L) : List.of(),
                full ? List.of("vip", "billing") : List.of(),
                customFields,
                full ? "email" : "api",
                dueAt,
                !full,
                full,
                Instant.parse("2020-01-02T03:04:05Z"),
                updatedAt,
                updatedAt.getEpochSecond(),
                null,
                null,
                full ? 30L : null,
                full ? 31L : null,
                full ? 32L : null,
                full ? List.of(40L) : List.of(),
                satisfaction);
    }
}
