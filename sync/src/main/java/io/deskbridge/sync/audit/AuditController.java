package io.deskbridge.sync.audit;

import io.deskbridge.sync.api.RecordInvalidException;
import io.deskbridge.sync.audit.AuditEntryJson.AuditPageBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code GET /api/audit}: the audit log for the operator, newest first, offset-paginated. */
@RestController
@Tag(name = "Audit", description = "Who did what and when: settings, links, credentials, runs. Never a secret.")
class AuditController {

    static final int MAX_PER_PAGE = 100;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Read the audit log", description = "Newest first, offset-paginated as Zendesk's lists are.")
    @ApiResponse(responseCode = "200", description = "One page of entries")
    @ApiResponse(responseCode = "422", description = "page is below 1 or per_page outside 1..100")
    AuditPageBody list(
            @Parameter(description = "Only this connection's entries")
                    @RequestParam(name = "connection_id", required = false)
                    Long connectionId,
            @Parameter(description = "From 1") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "From 1 to 100") @RequestParam(name = "per_page", defaultValue = "100")
                    int perPage) {
        if (page < 1) {
            throw new RecordInvalidException("page", "InvalidValue", "page must be 1 or more (got " + page + ")");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new RecordInvalidException(
                    "per_page",
                    "InvalidValue",
                    "per_page must be from 1 to " + MAX_PER_PAGE + " (got " + perPage + ")");
        }
        long count = audit.count(connectionId);
        return new AuditPageBody(
                audit.page(connectionId, (page - 1) * perPage, perPage).stream()
                        .map(AuditEntryJson::of)
                        .toList(),
                (long) page * perPage < count ? pageUrl(page + 1) : null,
                page > 1 ? pageUrl(page - 1) : null,
                count);
    }

    private static String pageUrl(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .toUriString();
    }
}
