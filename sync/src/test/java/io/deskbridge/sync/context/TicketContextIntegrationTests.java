package io.deskbridge.sync.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.engine.StoreSeed;
import io.deskbridge.sync.engine.StreamName;
import io.deskbridge.sync.support.SyncClient.Response;
import io.deskbridge.sync.support.SyncIntegrationTest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ticket context, search and the MCP tools over real HTTP against a running sync whose store is
 * seeded once through the store's own upsert (no desk, no sync run): a ticket with 55 comments, a
 * requester with 25 tickets in an organization with 28, and a few tickets for search.
 */
class TicketContextIntegrationTests extends SyncIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant SEEDED_AT = Instant.parse("2026-01-21T00:05:00Z");
    private static final Instant TICKETS_COVERED_UNTIL = Instant.parse("2026-01-21T00:00:00Z");
    private static final int COMMENTS = 55;
    private static final int RITAS_OTHER_TICKETS = 24;

    @Autowired
    private ApplicationContext context;

    private long connectionId;
    private McpSyncClient mcp;

    @BeforeAll
    void seedStore() {
        connectionId = newConnection().id();
        store(
                StreamName.USERS,
                user(1001, "Rita Requester", "rita@example.test", "end-user", 501),
                user(1002, "Olga Other", "olga@example.test", "end-user", 501),
                user(2001, "Alex Agent", "alex@example.test", "agent", null));
        store(
                StreamName.ORGANIZATIONS,
                node("{\"id\": 501, \"name\": \"Globex\", \"updated_at\": \"2026-01-01T00:00:00Z\"}"));

        List<JsonNode> tickets = new ArrayList<>();
        tickets.add(node("""
                {"id": 100, "subject": "Printer on fire", "status": "open", "priority": "high", "type": "incident",
                 "via": {"channel": "email"}, "tags": ["printer", "vip"], "requester_id": 1001, "assignee_id": 2001,
                 "group_id": 301, "organization_id": 501, "created_at": "2026-01-01T00:00:00Z",
                 "updated_at": "2026-01-11T00:00:00Z", "description": "The printer in room 4 is smoking.",
                 "custom_fields": [{"id": 9001, "value": "gold"}, {"id": 9002, "value": null}],
                 "generated_timestamp": 5}"""));
        for (int i = 0; i < RITAS_OTHER_TICKETS; i++) {
            tickets.add(ticket(200 + i, "Rita's ticket " + i, ritaStatus(i), 1001, 501, BASE.plusSeconds(3600L * i)));
        }
        for (int i = 0; i < 3; i++) {
            tickets.add(ticket(400 + i, "Olga's ticket " + i, "open", 1002, 501, BASE.plusSeconds(3600L * (100 + i))));
        }
        tickets.add(node("""
                {"id": 300, "subject": "Refund requested for order 77", "status": "open", "requester_id": 1003,
                 "description": "Please send the money back.", "updated_at": "2026-01-04T00:00:00Z"}"""));
        tickets.add(node("""
                {"id": 301, "subject": "Login trouble", "status": "open", "via": {"channel": "web"}, "tags": [],
                 "requester_id": 1003, "description": "Cannot sign in.", "created_at": "2026-01-02T00:00:00Z",
                 "updated_at": "2026-01-03T00:00:00Z"}"""));
        tickets.add(node("""
                {"id": 302, "subject": "Refund for a deleted ticket", "status": "deleted", "requester_id": 1003,
                 "updated_at": "2026-01-04T00:00:00Z"}"""));
        tickets.add(node("""
                {"id": 303, "subject": "Unrelated", "status": "solved", "requester_id": 1003,
                 "updated_at": "2026-01-05T00:00:00Z"}"""));
        store(StreamName.TICKETS, tickets.toArray(JsonNode[]::new));

        // Stored newest first, and ids falling as time goes on: the thread must follow created_at.
        List<JsonNode> comments = new ArrayList<>();
        for (int i = COMMENTS; i >= 1; i--) {
            comments.add(node(
                    "{\"id\": " + commentId(i) + ", \"ticket_id\": 100, \"author_id\": " + (i % 2 == 1 ? 1001 : 2001)
                            + ", \"public\": " + (i % 5 != 0) + ", \"body\": \"Comment " + i + "\", \"created_at\": \""
                            + BASE.plusSeconds(60L * i) + "\"}"));
        }
        comments.add(node("""
                {"id": 70001, "ticket_id": 301, "author_id": 2001, "public": true,
                 "body": "Also, can I get a refund for last month?", "created_at": "2026-01-02T01:00:00Z"}"""));
        store(StreamName.TICKET_COMMENTS, comments.toArray(JsonNode[]::new));

        jdbc.sql("INSERT INTO sync_stream_state (connection_id, stream, cursor_time, pages, updated_at)"
                        + " VALUES (:c, 'TICKETS', :t, 1, :now)")
                .param("c", connectionId)
                .param("t", TICKETS_COVERED_UNTIL.getEpochSecond())
                .param("now", java.time.OffsetDateTime.parse("2026-01-21T00:05:00Z"))
                .update();
        run("TICKETS", "SUCCEEDED", "2026-01-21T00:05:00Z");
        run("TICKETS", "SUCCEEDED", "2026-01-20T00:05:00Z");
        run("USERS", "FAILED", "2026-01-21T00:06:00Z");

        mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl())
                        .endpoint("/mcp")
                        .jsonMapper(
                                new JacksonMcpJsonMapper(JsonMapper.builder().build()))
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", operatorAuth()))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        mcp.initialize();
    }

    @AfterAll
    void closeMcp() {
        if (mcp != null) {
            mcp.closeGracefully();
        }
    }

    @Nested
    class ContextDocument {

        @Test
        void shouldShowTheTicketItsPeopleAndCustomFieldsAsStored() {
            JsonNode context = context(100);

            assertThat(context.get("connection_id").asLong()).isEqualTo(connectionId);
            assertThat(context.get("ticket")).isEqualTo(node("""
                            {"id": 100, "subject": "Printer on fire", "status": "open", "priority": "high",
                             "type": "incident", "channel": "email", "tags": ["printer", "vip"], "requester_id": 1001,
                             "assignee_id": 2001, "group_id": 301, "organization_id": 501,
                             "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-11T00:00:00Z",
                             "deleted": false,
                             "custom_fields": [{"id": 9001, "value": "gold"}, {"id": 9002, "value": null}]}"""));
            assertThat(context.get("requester")).isEqualTo(node("""
                            {"id": 1001, "synced": true, "name": "Rita Requester", "email": "rita@example.test",
                             "role": "end-user"}"""));
            assertThat(context.get("assignee")).isEqualTo(node("""
                            {"id": 2001, "synced": true, "name": "Alex Agent", "email": "alex@example.test",
                             "role": "agent"}"""));
            assertThat(context.get("organization"))
                    .isEqualTo(node("{\"id\": 501, \"synced\": true, \"name\": \"Globex\"}"));
        }

        @Test
        void shouldSayWhatIsNotSyncedInsteadOfInventingIt() {
            JsonNode context = context(100);

            assertThat(context.get("group"))
                    .isEqualTo(tree(new TicketContext.Group(301, false, null, TicketContexts.GROUPS_NOT_SYNCED)));
            assertThat(context.get("recent_field_changes"))
                    .isEqualTo(tree(new TicketContext.FieldChanges(false, TicketContexts.CHANGES_NOT_AVAILABLE)));
            assertThat(strings(context.get("not_synced")))
                    .containsExactly(TicketContexts.GROUPS_NOT_SYNCED, TicketContexts.FIELDS_NOT_SYNCED);
            assertThat(context(301).get("requester"))
                    .isEqualTo(
                            node("{\"id\": 1003, \"synced\": false, \"name\": null, \"email\": null, \"role\": null}"));
        }

        @Test
        void shouldListTheWholeThreadOldestFirstWithPublicAndInternalMarked() {
            JsonNode comments = context(100).get("comments");

            assertThat(comments.get("total").asInt()).isEqualTo(COMMENTS);
            List<JsonNode> items = list(comments.get("items"));
            assertThat(items).hasSize(COMMENTS);
            assertThat(items.stream().map(c -> c.get("id").asLong()))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, COMMENTS)
                            .mapToObj(i -> (long) commentId(i))
                            .toList());
            assertThat(items.stream().map(c -> c.get("visibility").asString()))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, COMMENTS)
                            .mapToObj(i -> i % 5 == 0 ? "internal" : "public")
                            .toList());
            assertThat(items.get(0))
                    .isEqualTo(node("{\"id\": " + commentId(1) + ", \"visibility\": \"public\", \"author_id\": 1001,"
                            + " \"author_name\": \"Rita Requester\", \"created_at\": \"2026-01-01T00:01:00Z\","
                            + " \"body\": \"Comment 1\"}"));
            assertThat(items.get(4).get("author_name").asString()).isEqualTo("Rita Requester");
            assertThat(items.get(9).get("author_name").asString()).isEqualTo("Alex Agent");
        }

        @Test
        void shouldListTheRequestersOtherTicketsOpenFirstWithTheTotal() {
            JsonNode related = context(100).get("requester_tickets");

            assertThat(related.get("total").asLong()).isEqualTo(RITAS_OTHER_TICKETS);
            assertThat(related.get("shown").asInt()).isEqualTo(TicketContexts.RELATED_SHOWN);
            assertThat(ids(related.get("tickets"))).containsExactlyElementsOf(expectedRelated(ritasOtherTickets()));
            assertThat(related.get("tickets").get(0)).isEqualTo(node("""
                            {"id": 223, "subject": "Rita's ticket 23", "status": "pending",
                             "updated_at": "2026-01-01T23:00:00Z"}"""));
        }

        @Test
        void shouldListTheOrganizationsOtherTicketsOpenFirstWithTheTotal() {
            JsonNode related = context(100).get("organization_tickets");

            List<long[]> all = ritasOtherTickets();
            for (int i = 0; i < 3; i++) {
                all.add(new long[] {400 + i, 0, 100 + i});
            }
            assertThat(related.get("total").asLong()).isEqualTo(RITAS_OTHER_TICKETS + 3);
            assertThat(related.get("shown").asInt()).isEqualTo(TicketContexts.RELATED_SHOWN);
            assertThat(ids(related.get("tickets"))).containsExactlyElementsOf(expectedRelated(all));
            assertThat(ids(related.get("tickets"))).startsWith(402L, 401L, 400L, 223L);
        }

        @Test
        void shouldSayHowFreshTheCopyIs() {
            assertThat(context(100).get("freshness")).isEqualTo(node("""
                            {"ticket_synced_at": "2026-01-21T00:05:00Z", "streams": [
                              {"stream": "tickets", "covered_until": "2026-01-21T00:00:00Z",
                               "last_succeeded_at": "2026-01-21T00:05:00Z"},
                              {"stream": "users", "covered_until": null, "last_succeeded_at": null},
                              {"stream": "organizations", "covered_until": null, "last_succeeded_at": null},
                              {"stream": "ticket_comments", "covered_until": null, "last_succeeded_at": null}]}"""));
        }

        @Test
        void shouldAnswer404InSyncsErrorShapeForAnUnknownTicketOrConnection() {
            Response ticket = api.get(contextPath(424242), operatorAuth());
            assertThat(ticket.status()).isEqualTo(404);
            assertThat(ticket.json())
                    .isEqualTo(node("{\"error\": \"RecordNotFound\", \"description\": \"Connection " + connectionId
                            + " has no synced ticket 424242 (sync it, or check the id)\"}"));

            Response markdown = api.get(contextPath(424242) + "?format=markdown", operatorAuth());
            assertThat(markdown.status()).isEqualTo(404);
            assertThat(markdown.json()).isEqualTo(ticket.json());

            Response connection = api.get("/api/connections/987654321/tickets/100/context", operatorAuth());
            assertThat(connection.status()).isEqualTo(404);
            assertThat(connection.json())
                    .isEqualTo(node(
                            "{\"error\": \"RecordNotFound\", \"description\": \"There is no connection 987654321\"}"));
        }

        @Test
        void shouldRefuseAnUnknownFormatAndAnonymousCallers() {
            Response xml = api.get(contextPath(100) + "?format=xml", operatorAuth());
            assertThat(xml.status()).isEqualTo(422);
            assertThat(xml.json().at("/details/format/0/description").asString())
                    .isEqualTo("Format must be json or markdown; it is \"xml\"");

            Response anonymous = api.get(contextPath(100));
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.json())
                    .isEqualTo(
                            node(
                                    "{\"error\": \"OperatorSignInRequired\", \"description\": \"This API needs a sync operator's email and password (HTTP Basic).\"}"));
        }
    }

    @Nested
    class Markdown {

        @Test
        void shouldRenderTheSameContentAsMarkdown() {
            Response response = api.get(contextPath(301) + "?format=markdown", operatorAuth());

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("text/markdown;charset=UTF-8");
            assertThat(response.body()).isEqualTo("""
                            # Ticket #301: Login trouble

                            - Status: open · Priority: (none) · Type: (none) · Channel: web
                            - Tags: none
                            - Created: 2026-01-02T00:00:00Z · Updated: 2026-01-03T00:00:00Z
                            - Requester: user 1003 (not among the synced users)
                            - Organization: none
                            - Assignee: none
                            - Group: none

                            ## Custom fields

                            None stored.

                            ## Comments (1)

                            ### 1. Public reply by Alex Agent (user 2001), 2026-01-02T01:00:00Z

                            Also, can I get a refund for last month?

                            ## Requester's other tickets (showing 2 of 2, open first)

                            - #300 [open] Refund requested for order 77 (updated 2026-01-04T00:00:00Z)
                            - #303 [solved] Unrelated (updated 2026-01-05T00:00:00Z)

                            ## Organization's other tickets

                            None (not set on the ticket).

                            ## Recent field changes

                            Not available. %s

                            ## Freshness

                            This ticket was last synced at 2026-01-21T00:05:00Z.

                            | Stream | Covered until | Last successful run |
                            | --- | --- | --- |
                            | tickets | 2026-01-21T00:00:00Z | 2026-01-21T00:05:00Z |
                            | users | never | never |
                            | organizations | never | never |
                            | ticket_comments | never | never |

                            ## Not synced

                            - %s
                            - %s
                            """.formatted(
                            TicketContexts.CHANGES_NOT_AVAILABLE,
                            TicketContexts.GROUPS_NOT_SYNCED,
                            TicketContexts.FIELDS_NOT_SYNCED));
        }

        @Test
        void shouldRenderTheLongThreadInOrderWithEverySection() {
            String md = api.get(contextPath(100) + "?format=markdown", operatorAuth())
                    .body();

            assertThat(md)
                    .startsWith("# Ticket #100: Printer on fire\n\n- Status: open · Priority: high · Type: incident"
                            + " · Channel: email\n- Tags: printer, vip\n")
                    .contains("- Requester: Rita Requester <rita@example.test> (user 1001, end-user)\n")
                    .contains("- Organization: Globex (organization 501)\n")
                    .contains("- Group: group 301 (name not synced)\n")
                    .contains("| Field id | Value |\n| --- | --- |\n| 9001 | gold |\n| 9002 |  |\n")
                    .contains("### 5. Internal note by Rita Requester (user 1001), 2026-01-01T00:05:00Z\n\nComment 5\n")
                    .contains("## Requester's other tickets (showing 20 of 24, open first)\n\n- #223 [pending]")
                    .contains("## Organization's other tickets (showing 20 of 27, open first)\n\n- #402 [open]");
            List<Integer> order = new ArrayList<>();
            for (String heading : List.of(
                    "## Custom fields",
                    "## Comments (55)",
                    "### 1. Public reply",
                    "### 55. Internal note",
                    "## Requester's other tickets",
                    "## Organization's other tickets",
                    "## Recent field changes",
                    "## Freshness",
                    "## Not synced")) {
                assertThat(md).contains(heading);
                order.add(md.indexOf(heading));
            }
            assertThat(order).isSorted();
        }
    }

    @Nested
    class Search {

        @Test
        void shouldRankASubjectMatchAboveASingleCommentMatch() {
            JsonNode results = search("refund");

            assertThat(results.get("count").asInt()).isEqualTo(2);
            List<JsonNode> hits = list(results.get("results"));
            assertThat(hits.stream().map(h -> h.get("ticket_id").asLong())).containsExactly(300L, 301L);
            assertThat(hits.get(0).get("score").asDouble())
                    .isGreaterThan(hits.get(1).get("score").asDouble());
            assertThat(hits.get(0).get("matched_in").asString()).isEqualTo("subject");
            assertThat(hits.get(0).get("snippet").asString()).isEqualTo("Refund requested for order 77");
            assertThat(hits.get(1).get("matched_in").asString()).isEqualTo("comment");
            assertThat(hits.get(1).get("snippet").asString()).isEqualTo("Also, can I get a refund for last month?");
            assertThat(hits.get(1).get("subject").asString()).isEqualTo("Login trouble");
        }

        @Test
        void shouldRequireEveryWordAndFindDescriptions() {
            assertThat(ids(search("order refund").get("results"))).containsExactly(300L);
            JsonNode smoking = search("smoking printer").get("results").get(0);
            assertThat(smoking.get("ticket_id").asLong()).isEqualTo(100L);
            assertThat(smoking.get("matched_in").asString()).isEqualTo("subject");
            JsonNode money = search("money").get("results").get(0);
            assertThat(money.get("matched_in").asString()).isEqualTo("description");
            assertThat(money.get("snippet").asString()).isEqualTo("Please send the money back.");
        }

        @Test
        void shouldFindNothingForAWordNowhereAndLeaveDeletedTicketsOut() {
            assertThat(search("xylophone").get("results")).isEmpty();
            assertThat(ids(search("deleted").get("results"))).isEmpty();
        }

        @Test
        void shouldRefuseABlankQueryAndABadLimit() {
            Response blank = api.get(searchPath("%20"), operatorAuth());
            assertThat(blank.status()).isEqualTo(422);
            assertThat(blank.json().at("/details/query/0/description").asString())
                    .isEqualTo("Query: send the words to search for, e.g. ?query=refund");

            Response limit = api.get(searchPath("refund") + "&limit=0", operatorAuth());
            assertThat(limit.status()).isEqualTo(422);
            assertThat(limit.json().at("/details/limit/0/description").asString())
                    .isEqualTo("Limit must be a whole number from 1 to 100; it is 0");
        }
    }

    /**
     * Zendesk keeps NUL characters a record arrived with (issue 10: a real account's ticket with one in
     * its subject failed sync's whole batch on PostgreSQL, which refuses 0x00 in text columns). Stored
     * here in a ticket, its comment, its requester and organization; the derived columns carry U+FFFD,
     * the records themselves are kept as received.
     */
    @Nested
    class NulCharacters {

        @Test
        void shouldStoreRecordsWithNulCharactersAndServeThemAsReceived() {
            store(
                    StreamName.USERS,
                    node("{\"id\": 1900, \"name\": \"Nul\\u0000Nora\", \"email\": \"nora@example.test\","
                            + " \"role\": \"end-user\", \"active\": true, \"organization_id\": 1901,"
                            + " \"updated_at\": \"2026-01-01T00:00:00Z\"}"));
            store(
                    StreamName.ORGANIZATIONS,
                    node("{\"id\": 1901, \"name\": \"Nul\\u0000Corp\", \"updated_at\": \"2026-01-01T00:00:00Z\"}"));
            store(
                    StreamName.TICKETS,
                    node("{\"id\": 1902, \"subject\": \"Zanzibar\\u0000binary paste\", \"status\": \"open\","
                            + " \"requester_id\": 1900, \"organization_id\": 1901, \"description\":"
                            + " \"quokka\\u0000 in the description\", \"updated_at\": \"2026-01-06T00:00:00Z\","
                            + " \"generated_timestamp\": 1}"));
            store(
                    StreamName.TICKET_COMMENTS,
                    node("{\"id\": 1903, \"ticket_id\": 1902, \"author_id\": 1900, \"public\": true, \"body\":"
                            + " \"wombat\\u0000 in a comment\", \"created_at\": \"2026-01-06T00:00:00Z\"}"));

            // The ticket and its comments come out of record_json as received; people's and
            // organizations' names out of their derived columns.
            Response context = api.get(contextPath(1902), operatorAuth());
            assertThat(context.status()).isEqualTo(200);
            assertThat(context.json().at("/context/ticket/subject").asString()).isEqualTo("Zanzibar\u0000binary paste");
            assertThat(context.json().at("/context/comments/items/0/body").asString())
                    .isEqualTo("wombat\u0000 in a comment");
            assertThat(context.json().at("/context/requester/name").asString()).isEqualTo("Nul\uFFFDNora");
            assertThat(context.json().at("/context/organization/name").asString())
                    .isEqualTo("Nul\uFFFDCorp");

            assertThat(ids(search("quokka").get("results"))).containsExactly(1902L);
            assertThat(ids(search("wombat").get("results"))).containsExactly(1902L);
            assertThat(jdbc.sql("SELECT subject FROM synced_tickets WHERE connection_id = :c AND id = 1902")
                            .param("c", connectionId)
                            .query(String.class)
                            .single())
                    .isEqualTo("Zanzibar\uFFFDbinary paste");
        }
    }

    @Nested
    class Mcp {

        @Test
        void shouldOfferTheThreeReadOnlyTools() {
            List<Tool> tools = mcp.listTools().tools();

            assertThat(tools.stream().map(Tool::name))
                    .containsExactlyInAnyOrder("search_tickets", "get_ticket_context", "get_requester_history");
            assertThat(tools)
                    .allSatisfy(tool ->
                            assertThat(tool.annotations().readOnlyHint()).isTrue());
        }

        @Test
        void shouldAnswerTicketContextWithTheRestApisMarkdownAndJson() {
            CallToolResult result = mcp.callTool(
                    new CallToolRequest("get_ticket_context", Map.of("connection_id", connectionId, "ticket_id", 100)));

            assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(text(result))
                    .isEqualTo(api.get(contextPath(100) + "?format=markdown", operatorAuth())
                            .body());
            assertThat(structured(result)).isEqualTo(context(100));
        }

        @Test
        void shouldSearchLikeTheRestApi() {
            CallToolResult result = mcp.callTool(
                    new CallToolRequest("search_tickets", Map.of("connection_id", connectionId, "query", "refund")));

            assertThat(structured(result)).isEqualTo(search("refund"));
            assertThat(text(result))
                    .isEqualTo("# Search: refund (2 tickets)\n\n"
                            + "1. #300 [open] Refund requested for order 77 (match in subject, score "
                            + String.format(
                                    java.util.Locale.ROOT,
                                    "%.3f",
                                    search("refund").at("/results/0/score").asDouble())
                            + ")\n   > Refund requested for order 77\n"
                            + "2. #301 [open] Login trouble (match in comment, score "
                            + String.format(
                                    java.util.Locale.ROOT,
                                    "%.3f",
                                    search("refund").at("/results/1/score").asDouble())
                            + ")\n   > Also, can I get a refund for last month?\n");
        }

        @Test
        void shouldListARequestersTicketsOpenFirst() {
            CallToolResult result = mcp.callTool(new CallToolRequest(
                    "get_requester_history", Map.of("connection_id", connectionId, "user_id", 1001)));

            JsonNode history = structured(result);
            assertThat(history)
                    .isEqualTo(api.get("/api/connections/" + connectionId + "/users/1001/tickets", operatorAuth())
                            .json());
            assertThat(history.at("/requester/name").asString()).isEqualTo("Rita Requester");
            assertThat(history.at("/organization/name").asString()).isEqualTo("Globex");
            assertThat(history.at("/tickets/total").asLong()).isEqualTo(RITAS_OTHER_TICKETS + 1);
            List<long[]> all = ritasOtherTickets();
            all.add(new long[] {100, 0, 240});
            assertThat(ids(history.at("/tickets/tickets"))).containsExactlyElementsOf(expectedRelated(all, 25));
            assertThat(text(result))
                    .startsWith("# Requester: Rita Requester <rita@example.test> (user 1001, end-user)\n");
        }

        @Test
        void shouldAnswerAnUnknownTicketAsAToolErrorWithTheRestApisDescription() {
            CallToolResult result = mcp.callTool(new CallToolRequest(
                    "get_ticket_context", Map.of("connection_id", connectionId, "ticket_id", 424242)));

            assertThat(result.isError()).isTrue();
            assertThat(text(result))
                    .isEqualTo(
                            "Connection " + connectionId + " has no synced ticket 424242 (sync it, or check the id)");
        }

        @Test
        void shouldRefuseAnonymousAndWrongCredentialsWith401() {
            String initialize = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": {"
                    + "\"protocolVersion\": \"2025-06-18\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"t\", \"version\": \"1\"}}}";
            Response anonymous = api.send("POST", "/mcp", null, initialize);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.json())
                    .isEqualTo(
                            node(
                                    "{\"error\": \"OperatorSignInRequired\", \"description\": \"This API needs a sync operator's email and password (HTTP Basic).\"}"));

            Response wrong = api.send(
                    "POST",
                    "/mcp",
                    io.deskbridge.sync.support.SyncClient.basic(OPERATOR_EMAIL, "not-the-password"),
                    initialize);
            assertThat(wrong.status()).isEqualTo(401);
        }
    }

    // --- helpers

    private JsonNode context(long ticketId) {
        Response response = api.get(contextPath(ticketId), operatorAuth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("context");
    }

    private JsonNode search(String query) {
        Response response = api.get(searchPath(query), operatorAuth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String contextPath(long ticketId) {
        return "/api/connections/" + connectionId + "/tickets/" + ticketId + "/context";
    }

    private String searchPath(String query) {
        return "/api/connections/" + connectionId + "/search?query=" + query.replace(" ", "%20");
    }

    private static String text(CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((TextContent) result.content().get(0)).text();
    }

    /** The structured content as the REST API's JSON would parse (same number types). */
    private static JsonNode structured(CallToolResult result) {
        return JSON.readTree(JSON.writeValueAsString(result.structuredContent()));
    }

    private static int commentId(int i) {
        return 60_000 - i;
    }

    private static String ritaStatus(int i) {
        return switch (i % 4) {
            case 0 -> "solved";
            case 1 -> "open";
            case 2 -> "closed";
            default -> "pending";
        };
    }

    /** Rita's other tickets as {id, closed (0/1), updated hour}. */
    private static List<long[]> ritasOtherTickets() {
        List<long[]> tickets = new ArrayList<>();
        for (int i = 0; i < RITAS_OTHER_TICKETS; i++) {
            String status = ritaStatus(i);
            tickets.add(new long[] {200 + i, status.equals("solved") || status.equals("closed") ? 1 : 0, i});
        }
        return tickets;
    }

    private static List<Long> expectedRelated(List<long[]> tickets) {
        return expectedRelated(tickets, TicketContexts.RELATED_SHOWN);
    }

    /** Open first, then newest update first: the first {@code shown} ids. */
    private static List<Long> expectedRelated(List<long[]> tickets, int shown) {
        return tickets.stream()
                .sorted(Comparator.<long[]>comparingLong(t -> t[1]).thenComparing(t -> -t[2]))
                .limit(shown)
                .map(t -> t[0])
                .toList();
    }

    private static List<Long> ids(JsonNode array) {
        return list(array).stream()
                .map(t -> t.has("ticket_id")
                        ? t.get("ticket_id").asLong()
                        : t.get("id").asLong())
                .toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asString).toList();
    }

    private void store(StreamName stream, JsonNode... records) {
        StoreSeed.store(context, connectionId, stream, List.of(records), SEEDED_AT);
    }

    private void run(String stream, String state, String finishedAt) {
        jdbc.sql("INSERT INTO sync_runs (connection_id, stream, run_trigger, state, queued_at, finished_at)"
                        + " VALUES (:c, :s, 'MANUAL', :state, :at, :at)")
                .param("c", connectionId)
                .param("s", stream)
                .param("state", state)
                .param("at", java.time.OffsetDateTime.parse(finishedAt))
                .update();
    }

    private static JsonNode user(long id, String name, String email, String role, Integer organizationId) {
        return node("{\"id\": " + id + ", \"name\": \"" + name + "\", \"email\": \"" + email + "\", \"role\": \"" + role
                + "\", \"active\": true, \"organization_id\": " + organizationId
                + ", \"updated_at\": \"2026-01-01T00:00:00Z\"}");
    }

    private static JsonNode ticket(long id, String subject, String status, long requester, long org, Instant updated) {
        return node("{\"id\": " + id + ", \"subject\": \"" + subject.replace("'", "'") + "\", \"status\": \"" + status
                + "\", \"requester_id\": " + requester + ", \"organization_id\": " + org + ", \"updated_at\": \""
                + updated + "\", \"generated_timestamp\": 1}");
    }

    /** A record as JSON parses (so numbers compare like the API's). */
    private static JsonNode tree(Object value) {
        return node(JSON.writeValueAsString(value));
    }

    private static JsonNode node(String json) {
        return JSON.readTree(json);
    }
}
