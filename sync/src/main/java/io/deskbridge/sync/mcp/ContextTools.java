package io.deskbridge.sync.mcp;

import io.deskbridge.sync.api.ApiException;
import io.deskbridge.sync.context.ContextMarkdown;
import io.deskbridge.sync.context.RequesterHistory;
import io.deskbridge.sync.context.TicketContext;
import io.deskbridge.sync.context.TicketContexts;
import io.deskbridge.sync.context.TicketSearchResults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP tools, all read-only, each answering what the REST API answers: Markdown as text content
 * (what a model reads) and the REST API's JSON as structured content (what a program reads). A
 * failure the REST API would answer with 404 or 422 is a tool error ({@code isError}) whose text is
 * the REST API's description.
 */
@Component
class ContextTools {

    private static final ToolAnnotations READ_ONLY = new ToolAnnotations(null, true, false, true, false, null);

    private final TicketContexts contexts;
    /** Spring's mapper: snake_case, as the REST API writes. */
    private final JsonMapper json;

    private final McpJsonMapper mcpJson =
            new JacksonMcpJsonMapper(JsonMapper.builder().build());

    ContextTools(TicketContexts contexts, JsonMapper json) {
        this.contexts = contexts;
        this.json = json;
    }

    List<SyncToolSpecification> specifications() {
        return List.of(
                tool(
                        "search_tickets",
                        "Search synced tickets",
                        "Full-text search over one connection's synced tickets (subject, description, comments);"
                                + " best first, each with a snippet.",
                        """
                        {"type": "object", "properties": {
                          "connection_id": {"type": "integer", "description": "The sync connection"},
                          "query": {"type": "string", "description": "Words that must all occur"},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 100, "description": "Default 20"}},
                         "required": ["connection_id", "query"]}""",
                        args -> {
                            TicketSearchResults results = contexts.search(
                                    number(args, "connection_id"), text(args, "query"), optionalInt(args, "limit"));
                            return answer(ContextMarkdown.render(results), results);
                        }),
                tool(
                        "get_ticket_context",
                        "Get a ticket's context",
                        "One ticket with its whole comment thread (public and internal marked), requester,"
                                + " organization, assignee, group, the requester's and organization's other tickets"
                                + " (open first), custom fields, and how fresh sync's copy is.",
                        """
                        {"type": "object", "properties": {
                          "connection_id": {"type": "integer", "description": "The sync connection"},
                          "ticket_id": {"type": "integer", "description": "The Zendesk ticket id"}},
                         "required": ["connection_id", "ticket_id"]}""",
                        args -> {
                            TicketContext context =
                                    contexts.context(number(args, "connection_id"), number(args, "ticket_id"));
                            return answer(ContextMarkdown.render(context), context);
                        }),
                tool(
                        "get_requester_history",
                        "Get a requester's tickets",
                        "A user (as synced) and their tickets, open first, newest update first.",
                        """
                        {"type": "object", "properties": {
                          "connection_id": {"type": "integer", "description": "The sync connection"},
                          "user_id": {"type": "integer", "description": "The Zendesk user id of the requester"},
                          "limit": {"type": "integer", "minimum": 1, "maximum": 200, "description": "Default 50"}},
                         "required": ["connection_id", "user_id"]}""",
                        args -> {
                            RequesterHistory history = contexts.requesterHistory(
                                    number(args, "connection_id"), number(args, "user_id"), optionalInt(args, "limit"));
                            return answer(ContextMarkdown.render(history), history);
                        }));
    }

    private SyncToolSpecification tool(
            String name,
            String title,
            String description,
            String inputSchema,
            Function<Map<String, Object>, CallToolResult> call) {
        Tool tool = Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(mcpJson, inputSchema)
                .annotations(READ_ONLY)
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> call(call, request))
                .build();
    }

    private static CallToolResult call(Function<Map<String, Object>, CallToolResult> call, CallToolRequest request) {
        try {
            return call.apply(request.arguments() == null ? Map.of() : request.arguments());
        } catch (ApiException | InvalidArgumentException e) {
            return CallToolResult.builder()
                    .addTextContent(e.getMessage())
                    .isError(true)
                    .build();
        }
    }

    private CallToolResult answer(String markdown, Object document) {
        return CallToolResult.builder()
                .addTextContent(markdown)
                .structuredContent(mcpJson, json.writeValueAsString(document))
                .build();
    }

    private static long number(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new InvalidArgumentException(name + " must be a whole number; it is " + describe(value));
    }

    private static Integer optionalInt(Map<String, Object> args, String name) {
        return args.get(name) == null ? null : Math.toIntExact(number(args, name));
    }

    private static String text(Map<String, Object> args, String name) {
        Object value = args.get(name);
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidArgumentException(name + " must be a string; it is " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "missing" : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** A tool argument of the wrong type (the SDK does not check arguments against the schema). */
    static final class InvalidArgumentException extends RuntimeException {
        InvalidArgumentException(String message) {
            super(message);
        }
    }
}
