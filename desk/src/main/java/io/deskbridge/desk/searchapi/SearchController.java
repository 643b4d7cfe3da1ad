package io.deskbridge.desk.searchapi;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ZendeskError;
import io.deskbridge.desk.organization.OrganizationFilter;
import io.deskbridge.desk.organization.OrganizationJson;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.PageRequest;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketJson;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.UserFilter;
import io.deskbridge.desk.user.UserJson;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Zendesk search: {@code type:}, {@code status:}/{@code status<solved}, {@code priority:},
 * {@code requester:}, {@code assignee:}, {@code submitter:}, {@code organization:}, {@code group:},
 * {@code tags:}, {@code created>}/{@code updated<} (dates or {@code 4hours}-style), quoted phrases
 * and free text (a trailing {@code *} matches a prefix). Offset pagination only, at most 1,000
 * results, as in Zendesk. Decision: without {@code sort_by} results come in id order (Zendesk's
 * relevance order is not reproducible); without {@code type:} tickets come first, then users, then
 * organizations.
 */
@RestController
class SearchController {

    static final int MAX_RESULTS = 1000;

    private final Tickets tickets;
    private final Users users;
    private final Organizations organizations;
    private final SearchPlanner planner;
    private final Pager pager;

    SearchController(Tickets tickets, Users users, Organizations organizations, SearchPlanner planner, Pager pager) {
        this.pager = pager;
        this.tickets = tickets;
        this.users = users;
        this.organizations = organizations;
        this.planner = planner;
    }

    /** One search result: the resource's object plus {@code result_type}. */
    sealed interface SearchResult permits TicketResult, UserResult, OrganizationResult {}

    record TicketResult(@JsonUnwrapped TicketJson ticket, String resultType) implements SearchResult {}

    record UserResult(@JsonUnwrapped UserJson user, String resultType) implements SearchResult {}

    record OrganizationResult(@JsonUnwrapped OrganizationJson organization, String resultType)
            implements SearchResult {}

    /** {@code {"results": [...], next_page, previous_page, count, facets: null}}. */
    record SearchResponse(
            List<SearchResult> results, @JsonUnwrapped Paging.Offset paging, JsonNode facets) {}

    record CountResponse(long count) {}

    /** {@code {"results": [...], "facets": null, "meta": {...}, "links": {...}}}. */
    record ExportResponse(
            List<SearchResult> results,
            JsonNode facets,
            @JsonUnwrapped Paging paging) {}

    /** One result type: how many match and how to page and render them. */
    private record Part(long count, PartPage page) {}

    @FunctionalInterface
    private interface PartPage {
        List<SearchResult> fetch(int offset, int limit);
    }

    @GetMapping("/api/v2/search")
    SearchResponse search(
            @RequestParam String query,
            @RequestParam(name = "sort_by", required = false) String sortBy,
            @RequestParam(name = "sort_order", required = false) String sortOrder,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest request) {
        PageRequest page = PageRequest.from(request);
        if (!(page instanceof PageRequest.Offset offset)) {
            throw new BadRequestException(
                    "InvalidPaginationParameter", "Search supports offset pagination only (page, per_page)");
        }
        if ((long) offset.page() * offset.perPage() > MAX_RESULTS) {
            throw new TooManyResultsException();
        }
        KeysetSort sort = sort(sortBy, sortOrder);
        List<Part> parts = parts(SearchQuery.parse(query), caller, sort);
        long total = parts.stream().mapToLong(Part::count).sum();
        List<SearchResult> results = new ArrayList<>();
        long skip = offset.offset();
        int want = offset.perPage();
        for (Part part : parts) {
            if (want == 0) {
                break;
            }
            if (skip >= part.count()) {
                skip -= part.count();
                continue;
            }
            List<SearchResult> rows = part.page().fetch((int) skip, want);
            results.addAll(rows);
            want -= rows.size();
            skip = 0;
        }
        return new SearchResponse(results, Pager.offsetPaging(Math.min(total, MAX_RESULTS), offset, request), null);
    }

    @GetMapping("/api/v2/search/count")
    CountResponse count(@RequestParam String query, @AuthenticationPrincipal DeskPrincipal caller) {
        long total = parts(SearchQuery.parse(query), caller, KeysetSort.byId(false)).stream()
                .mapToLong(Part::count)
                .sum();
        return new CountResponse(total);
    }

    /**
     * Zendesk's search export: one result type ({@code filter[type]}, required), cursor pagination
     * only ({@code page[size]}, {@code page[after]}; {@code meta}, {@code links}, forwards only), no
     * 1,000-result limit, no count; a {@code type:} in the query is an error, as Zendesk documents. Decisions: results come newest first by {@code created_at} (the order Zendesk's
     * export cursors name), with id as tie-breaker, so a walk neither repeats nor skips a record that
     * stays put; a request without {@code page[size]} gets the first page of 100 (Zendesk's default);
     * {@code page[size]} is at most 100 here (Zendesk allows 1,000); {@code filter[type]=group} is
     * refused because desk's search does not index groups.
     */
    @GetMapping("/api/v2/search/export")
    ExportResponse export(
            @RequestParam String query,
            @RequestParam(name = "filter[type]", required = false) String type,
            @AuthenticationPrincipal DeskPrincipal caller,
            HttpServletRequest request) {
        if (type == null || type.isBlank()) {
            throw new BadRequestException("InvalidParameter", "filter[type] is required: ticket, user or organization");
        }
        PageRequest.Cursor page = PageRequest.from(request) instanceof PageRequest.Cursor cursor
                ? cursor
                : new PageRequest.Cursor(PageRequest.MAX_SIZE, null, null);
        if (page.before() != null) {
            throw new BadRequestException(
                    "InvalidPaginationParameter", "The search export pages forwards only: send page[after]");
        }
        SearchQuery parsed = SearchQuery.parse(query);
        if (parsed.type() != null) {
            throw new BadRequestException(
                    "InvalidSearchQuery",
                    "The search export takes its type from filter[type], not from the query (remove type:"
                            + parsed.type() + ")");
        }
        KeysetSort sort = new KeysetSort("created_at", true, KeysetSort.Kind.TIMESTAMP);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Page<SearchResult> results = switch (type) {
            case "ticket" -> {
                TicketFilter filter = planner.tickets(parsed, caller.userId());
                yield pager.cursorPage(
                                "search_export:ticket",
                                sort,
                                page,
                                q -> tickets.page(filter, q),
                                t -> sort.keyOf(t.createdAt(), t.id()),
                                request)
                        .<SearchResult>map(t -> new TicketResult(TicketJson.of(t, base), "ticket"));
            }
            case "user" -> {
                UserFilter filter = planner.users(parsed);
                yield pager.cursorPage(
                                "search_export:user",
                                sort,
                                page,
                                q -> users.page(filter, q),
                                u -> sort.keyOf(u.createdAt(), u.id()),
                                request)
                        .<SearchResult>map(u -> new UserResult(UserJson.of(u, base), "user"));
            }
            case "organization" -> {
                OrganizationFilter filter = planner.organizations(parsed);
                yield pager.cursorPage(
                                "search_export:organization",
                                sort,
                                page,
                                q -> organizations.page(filter, q),
                                o -> sort.keyOf(o.createdAt(), o.id()),
                                request)
                        .<SearchResult>map(o -> new OrganizationResult(OrganizationJson.of(o, base), "organization"));
            }
            default ->
                throw new BadRequestException(
                        "InvalidParameter", "filter[type] must be ticket, user or organization (got \"" + type + "\")");
        };
        // No way back in an export: links.prev and meta.before_cursor are always null, as in Zendesk.
        Paging.Cursor paging = (Paging.Cursor) results.paging();
        return new ExportResponse(
                results.items(),
                null,
                new Paging.Cursor(
                        new Paging.Meta(paging.meta().hasMore(), paging.meta().afterCursor(), null),
                        new Paging.Links(null, paging.links().next())));
    }

    private List<Part> parts(SearchQuery query, DeskPrincipal caller, KeysetSort sort) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<Part> parts = new ArrayList<>();
        String type = query.type();
        if (type != null && !List.of("ticket", "user", "organization").contains(type)) {
            throw new BadRequestException(
                    "InvalidSearchQuery", "type must be ticket, user or organization (got \"" + type + "\")");
        }
        if (type == null || type.equals("ticket")) {
            TicketFilter filter = planner.tickets(query, caller.userId());
            parts.add(new Part(
                    tickets.count(filter),
                    (off, limit) -> tickets.page(filter, PageQuery.offset(sort, off, limit)).stream()
                            .<SearchResult>map(t -> new TicketResult(TicketJson.of(t, base), "ticket"))
                            .toList()));
        }
        if (type == null || type.equals("user")) {
            UserFilter filter = planner.users(query);
            KeysetSort userSort = withoutTicketColumns(sort);
            parts.add(new Part(
                    users.count(filter),
                    (off, limit) -> users.page(filter, PageQuery.offset(userSort, off, limit)).stream()
                            .<SearchResult>map(u -> new UserResult(UserJson.of(u, base), "user"))
                            .toList()));
        }
        if (type == null || type.equals("organization")) {
            OrganizationFilter filter = planner.organizations(query);
            KeysetSort organizationSort = withoutTicketColumns(sort);
            parts.add(new Part(
                    organizations.count(filter),
                    (off, limit) -> organizations.page(filter, PageQuery.offset(organizationSort, off, limit)).stream()
                            .<SearchResult>map(
                                    o -> new OrganizationResult(OrganizationJson.of(o, base), "organization"))
                            .toList()));
        }
        return parts;
    }

    /** Users and organizations have no priority, status or type: those orders fall back to id. */
    private static KeysetSort withoutTicketColumns(KeysetSort sort) {
        return sort.kind() == KeysetSort.Kind.NUMBER ? KeysetSort.byId(false) : sort;
    }

    /** The order of {@code sort_by}/{@code sort_order}: a column plus id as tie-breaker. */
    private static KeysetSort sort(String sortBy, String sortOrder) {
        boolean descending = "desc".equalsIgnoreCase(sortOrder);
        if (sortBy == null) {
            return KeysetSort.byId(descending);
        }
        return switch (sortBy) {
            case "created_at" -> new KeysetSort("created_at", descending, KeysetSort.Kind.TIMESTAMP);
            case "updated_at" -> new KeysetSort("updated_at", descending, KeysetSort.Kind.TIMESTAMP);
            case "priority" -> new KeysetSort("priority", descending, KeysetSort.Kind.NUMBER);
            case "status" -> new KeysetSort("status", descending, KeysetSort.Kind.NUMBER);
            case "ticket_type" -> new KeysetSort("type", descending, KeysetSort.Kind.NUMBER);
            default ->
                throw new BadRequestException(
                        "InvalidParameter",
                        "sort_by must be created_at, updated_at, priority, status or ticket_type (got \"" + sortBy
                                + "\")");
        };
    }

    /** Zendesk answers a page past the 1,000th result with 422. */
    static final class TooManyResultsException extends ApiException {
        TooManyResultsException() {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "Search results are limited to " + MAX_RESULTS);
        }

        @Override
        public ZendeskError body() {
            return ZendeskError.described(
                    "invalid",
                    "Invalid search: Requested response size was greater than Search Response Limits (1000 results)");
        }
    }
}
