package io.deskbridge.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExportStreamTests {

    private static byte[] json(String text) {
        return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class CursorExports {

        private final ExportStream tickets = ExportStream.of(StreamName.TICKETS);

        @Test
        void shouldStartAtTheBeginningWithStartTimeZero() {
            assertThat(tickets.path(StreamPosition.START, 1000))
                    .isEqualTo("/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=1000");
            assertThat(tickets.usesCursor(StreamPosition.START)).isFalse();
        }

        @Test
        void shouldFollowTheStoredCursorEscaped() {
            StreamPosition at = new StreamPosition("abc+/=", 1_700_000_000L, 1_600_000_000L);
            assertThat(tickets.path(at, 500))
                    .isEqualTo("/api/v2/incremental/tickets/cursor.json?cursor=abc%2B%2F%3D&per_page=500");
            assertThat(tickets.usesCursor(at)).isTrue();
        }

        @Test
        void shouldReanchorOnTheCursorTimeWhenTheCursorIsDropped() {
            StreamPosition reanchored = new StreamPosition(null, 1_700_000_000L, 1_600_000_000L);
            assertThat(tickets.path(reanchored, 1000))
                    .isEqualTo("/api/v2/incremental/tickets/cursor.json?start_time=1700000000&per_page=1000");
        }

        @Test
        void shouldTakeTheAfterCursorTheNewestGeneratedTimestampAndTombstones() {
            ExportPage page = tickets.parse(
                    json("{'tickets':[{'id':1,'generated_timestamp':100,'status':'open'},"
                            + "{'id':2,'generated_timestamp':90,'status':'deleted'}],"
                            + "'after_cursor':'next','end_of_stream':false}"),
                    StreamPosition.START,
                    1000);

            assertThat(page.records()).extracting(StreamRecord::id).containsExactly(1L, 2L);
            assertThat(page.records()).extracting(StreamRecord::version).containsExactly(100L, 90L);
            assertThat(page.next()).isEqualTo(new StreamPosition("next", 100L, 100L));
            assertThat(page.endOfStream()).isFalse();
        }

        @Test
        void shouldKeepEachRecordsJsonTextAsThePageCarriedItAndReadItsFields() {
            String first = "{\"id\": 1, \"generated_timestamp\": 100, \"subject\": \"Caf\u00e9 \\u00e9 \\\" }\","
                    + " \"via\": {\"channel\": \"web\", \"source\": {\"to\": [1, {\"x\": null}]}},"
                    + " \"requester_id\": 9007199254740993, \"organization_id\": null, \"tags\": [\"a\"],"
                    + " \"status\": \"open\", \"description\": \"\\u0000 nul\"}";
            String body = "{\"after_cursor\": \"n\", \"tickets\": [" + first
                    + ", 7, {\"id\":2,\"updated_at\":\"1970-01-01T00:01:00Z\"}], \"end_of_stream\": true}";

            ExportPage page = tickets.parse(body.getBytes(StandardCharsets.UTF_8), StreamPosition.START, 1000);

            assertThat(page.records()).extracting(StreamRecord::id).containsExactly(1L, 2L);
            RawRecord record = page.records().get(0).record();
            assertThat(record.json()).isEqualTo(first);
            assertThat(record.text("subject")).isEqualTo("Caf\u00e9 \u00e9 \" }");
            assertThat(record.asLong("requester_id", 0)).isEqualTo(9007199254740993L);
            assertThat(record.has("organization_id")).isTrue();
            assertThat(record.isNumber("organization_id")).isFalse();
            assertThat(record.text("description")).isEqualTo("\u0000 nul");
            assertThat(record.has("via")).isFalse();
            assertThat(record.tree()
                            .path("via")
                            .path("source")
                            .path("to")
                            .get(0)
                            .asInt())
                    .isEqualTo(1);
            assertThat(page.records().get(1).version()).isEqualTo(60L);
            assertThat(page.records().get(1).record().json())
                    .isEqualTo("{\"id\":2,\"updated_at\":\"1970-01-01T00:01:00Z\"}");
            assertThat(page.next()).isEqualTo(new StreamPosition("n", 100L, 100L));
            assertThat(page.endOfStream()).isTrue();
        }

        @Test
        void shouldRefuseAPageThatIsNotAJsonObject() {
            assertThatThrownBy(() -> tickets.parse(json("{'tickets':[{'id':1}"), StreamPosition.START, 1000))
                    .isInstanceOf(PageReader.MalformedPageException.class);
            assertThatThrownBy(() -> tickets.parse(json("[1]"), StreamPosition.START, 1000))
                    .isInstanceOf(PageReader.MalformedPageException.class);
        }

        @Test
        void shouldKeepTheCursorAndTimeOfAnEmptyLastPage() {
            StreamPosition at = new StreamPosition("c1", 500L, 100L);
            ExportPage page = tickets.parse(json("{'tickets':[],'after_cursor':'c2','end_of_stream':true}"), at, 1000);

            assertThat(page.next()).isEqualTo(new StreamPosition("c2", 500L, 100L));
            assertThat(page.endOfStream()).isTrue();
        }

        @Test
        void shouldUseUpdatedAtForUsers() {
            ExportPage page = ExportStream.of(StreamName.USERS)
                    .parse(
                            json("{'users':[{'id':7,'updated_at':'2026-01-01T00:00:10Z'}],'after_cursor':'u',"
                                    + "'end_of_stream':true}"),
                            StreamPosition.START,
                            1000);
            assertThat(page.records().get(0).version()).isEqualTo(1_767_225_610L);
            assertThat(page.next().cursorTime()).isEqualTo(1_767_225_610L);
        }
    }

    @Nested
    class TimeBasedExports {

        private final ExportStream organizations = ExportStream.of(StreamName.ORGANIZATIONS);

        @Test
        void shouldContinueFromEndTime() {
            StreamPosition at = new StreamPosition("100", 100L, 50L);
            assertThat(organizations.path(at, 1000))
                    .isEqualTo("/api/v2/incremental/organizations.json?start_time=100&per_page=1000");
            ExportPage page = organizations.parse(
                    json("{'organizations':[{'id':3,'updated_at':'1970-01-01T00:02:30Z'}],'end_time':150,"
                            + "'end_of_stream':true}"),
                    at,
                    1000);
            assertThat(page.next()).isEqualTo(new StreamPosition("150", 150L, 50L));
        }

        @Test
        void shouldMoveOnOneSecondWhenAFullPageSharesOneSecond() {
            StreamPosition at = new StreamPosition("200", 200L, 50L);
            ExportPage page = organizations.parse(
                    json("{'organizations':[{'id':3,'updated_at':'1970-01-01T00:03:20Z'}],'end_time':200,"
                            + "'end_of_stream':false}"),
                    at,
                    1);
            assertThat(page.next().cursorTime()).isEqualTo(201L);
            assertThat(page.endOfStream()).isFalse();
        }

        @Test
        void shouldNeverMoveBackwards() {
            StreamPosition at = new StreamPosition("300", 300L, 50L);
            ExportPage page =
                    organizations.parse(json("{'organizations':[],'end_time':120,'end_of_stream':true}"), at, 1000);
            assertThat(page.next().cursorTime()).isEqualTo(300L);
        }
    }

    @Nested
    class TicketComments {

        private final ExportStream comments = ExportStream.of(StreamName.TICKET_COMMENTS);

        @Test
        void shouldAskForCommentEventsAndSendPerPageOnlyWhenShrunk() {
            assertThat(comments.path(StreamPosition.START, 1000))
                    .isEqualTo("/api/v2/incremental/ticket_events.json?include=comment_events&start_time=0");
            assertThat(comments.path(StreamPosition.START, 100))
                    .isEqualTo(
                            "/api/v2/incremental/ticket_events.json?include=comment_events&start_time=0&per_page=100");
        }

        @Test
        void shouldStoreEachCommentChildEventWithItsTicketFromTheParentWhenTheChildLacksIt() {
            ExportPage page = comments.parse(
                    json(
                            "{'ticket_events':[{'id':10,'ticket_id':5,'timestamp':1000,'created_at':'1970-01-01T00:16:40Z',"
                                    + "'child_events':[{'id':11,'type':'Change','field_name':'status'},"
                                    + "{'id':12,'type':'Comment','event_type':'Comment','author_id':9,'public':false,"
                                    + "'body':'hi'}]}],'end_time':1000,'end_of_stream':true}"),
                    StreamPosition.START,
                    1000);

            assertThat(page.records()).hasSize(1);
            StreamRecord comment = page.records().get(0);
            assertThat(comment.id()).isEqualTo(12);
            assertThat(comment.ticketId()).isEqualTo(5);
            assertThat(comment.version()).isEqualTo(1000);
            assertThat(comment.createdAt()).isEqualTo("1970-01-01T00:16:40Z");
            assertThat(comment.record().json())
                    .isEqualTo("{\"id\":12,\"type\":\"Comment\",\"event_type\":\"Comment\",\"author_id\":9,"
                            + "\"public\":false,\"body\":\"hi\"}");
            assertThat(comment.record().asBoolean("public", true)).isFalse();
            assertThat(page.next()).isEqualTo(new StreamPosition("1000", 1000L, 1000L));
        }
    }
}
