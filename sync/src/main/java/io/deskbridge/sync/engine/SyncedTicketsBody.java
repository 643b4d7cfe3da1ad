package io.deskbridge.sync.engine;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of synced tickets: each exactly as Zendesk's export sent it (open-ended, so a
 * {@link JsonNode}), with cursor pagination as Zendesk's {@code meta}.
 */
@Schema(name = "SyncedTicketsPage")
public record SyncedTicketsBody(
        @ArraySchema(schema = @Schema(type = "object", description = "A ticket as Zendesk's export sent it"))
        List<JsonNode> tickets,

        CursorMeta meta,

        @Schema(description = "Tickets matching the query in all pages")
        long count) {

    /** @param afterCursor pass as {@code page[after]} for the next page; null on the last page */
    public record CursorMeta(
            boolean hasMore, @Schema(nullable = true) String afterCursor) {}
}
