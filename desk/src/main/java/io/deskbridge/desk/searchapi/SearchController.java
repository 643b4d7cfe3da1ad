package io.deskbridge.desk.searchapi;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ZendeskError;
import io.deskbridge.desk.organization.OrganizationFilter;
import io.deskbridge.desk.organization.OrganizationJson;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.PageRequest;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import io.deskbridge.desk.search.SearchIndex;
import io.deskbridge.desk.ticket.TicketFilter;
import io.deskbridge.desk.ticket.TicketJson;
import io.deskbridge.desk.ticket.Tickets;
import io.deskbridge.desk.user.DeskPrincipal;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserJson;
import io.deskbridge.desk.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern RELATIVE = Pattern.compile("(\\d+)(minute|hour|day|week|month|year)s?");
    private static final List<String> STATUSES = List.of("new", "open", "pending", "hold", "solved", "closed");
    private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    private final Tickets tickets;
    private final Users users;
    private final Organizations organizations;
    private final SearchPlanner planner;
    private final Clock clock;

    SearchController(Tickets tickets, Users users, Organizations organizations, SearchPlanner planner, Clock clock) {
        this.tickets = tickets;
        this.users = users;
        this.organizations = organizations;
        this.planner = planner;
        this.clock = clock;
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
        String order = orderBy(sortBy, sortOrder);
        List<Part> parts = parts(SearchQuery.parse(query), caller, sortBy, sortOrder, order);
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
        long total = parts(SearchQuery.parse(query), caller, null, null, "id ASC").stream()
                .mapToLong(Part::count)
                .sum();
        return new CountResponse(total);
    }

    private List<Part> parts(SearchQuery query, DeskPrincipal caller, String sortBy, String sortOrder, String order) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<Part> parts = new ArrayList<>();
        String type = query.type();
        if (type != null && !List.of("ticket", "user", "organization").contains(type)) {
            throw new BadRequestException(
                    "InvalidSearchQuery", "type must be ticket, user or organization (got \"" + type + "\")");
        }
        if (type == null || type.equals("ticket")) {
            TicketFilter filter = planner.tickets(query, caller.userId());
            KeysetSort sort = ticketSort(sortBy, sortOrder);
            parts.add(new Part(
                    tickets.count(filter),
                    (off, limit) -> tickets.page(filter, PageQuery.offset(sort, off, limit)).stream()
                            .<SearchResult>map(t -> new TicketResult(TicketJson.of(t, base), "ticket"))
                            .toList()));
        }
        if (type == null || type.equals("user")) {
            Sql sql = userSql(query, caller);
            String userOrder = order.startsWith("priority") || order.startsWith("status") || order.startsWith("type")
                    ? "id ASC"
                    : order;
            parts.add(new Part(
                    users.count(sql.where(), sql.params()),
                    (off, limit) -> users.page(sql.where(), sql.params(), userOrder, off, limit).stream()
                            .<SearchResult>map(u -> new UserResult(UserJson.of(u, base), "user"))
                            .toList()));
        }
        if (type == null || type.equals("organization")) {
            OrganizationFilter filter = planner.organizations(query);
            KeysetSort ticketSort = ticketSort(sortBy, sortOrder);
            // Organizations have no priority, status or type: those orders fall back to id.
            KeysetSort sort = ticketSort.kind() == KeysetSort.Kind.NUMBER ? KeysetSort.byId(false) : ticketSort;
            parts.add(new Part(
                    organizations.count(filter),
                    (off, limit) -> organizations.page(filter, PageQuery.offset(sort, off, limit)).stream()
                            .<SearchResult>map(
                                    o -> new OrganizationResult(OrganizationJson.of(o, base), "organization"))
                            .toList()));
        }
        return parts;
    }

    /** SQL conditions (each starting with " AND ") and their parameters. */
    private record Sql(StringBuilder sql, Map<String, Object> params) {
        Sql() {
            this(new StringBuilder(), new HashMap<>());
        }

        String where() {
            return sql.toString();
        }

        void and(String condition, boolean negated) {
            sql.append(negated ? " AND NOT (" : " AND (").append(condition).append(')');
        }

        String param(Object value) {
            String name = "p" + params.size();
            params.put(name, value);
            return ":" + name;
        }
    }

    private Sql userSql(SearchQuery query, DeskPrincipal caller) {
        Sql sql = new Sql();
        List<String> words = new ArrayList<>(query.words());
        for (SearchQuery.Condition c : query.conditions()) {
            switch (c.keyword()) {
                case "role" ->
                    sql.and(
                            "role = "
                                    + sql.param(Role.fromWireName(c.value().toLowerCase(Locale.ROOT))
                                            .orElseThrow(() -> invalid("role must be end-user, agent or admin (got \""
                                                    + c.value() + "\")"))
                                            .name()),
                            c.negated());
                case "email" ->
                    sql.and("email_normalized = " + sql.param(c.value().toLowerCase(Locale.ROOT)), c.negated());
                case "organization" -> sql.and(organizationRef("organization_id", c.value(), sql), c.negated());
                case "external_id" -> sql.and("external_id = " + sql.param(c.value()), c.negated());
                case "created" -> sql.and(date("created_at", c, sql), c.negated());
                case "updated" -> sql.and(date("updated_at", c, sql), c.negated());
                case "name", "tags", "tag", "phone", "notes", "details" -> words.add(c.value());
                default -> words.add(c.keyword() + c.op() + c.value());
            }
        }
        text(
                sql,
                "user",
                words,
                query.phrases(),
                phrase -> "(LOWER(name) LIKE :" + phrase + " OR LOWER(COALESCE(notes, '')) LIKE :" + phrase
                        + " OR LOWER(COALESCE(details, '')) LIKE :" + phrase + ")");
        return sql;
    }

    /** Free words and phrases through the text index; phrases are then checked in the narrowed rows. */
    private static void text(
            Sql sql, String type, List<String> words, List<String> phrases, Function<String, String> phraseCheck) {
        List<String> all = new ArrayList<>(words);
        all.addAll(phrases);
        for (String condition :
                SearchIndex.matching(type, "id", all, "w" + sql.params().size() + "_", sql.params())) {
            sql.and(condition, false);
        }
        for (String phrase : phrases) {
            String name = sql.param("%"
                            + phrase.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%")
                    .substring(1);
            sql.and(phraseCheck.apply(name), false);
        }
    }

    private String organizationRef(String column, String value, Sql sql) {
        if (value.equalsIgnoreCase("none")) {
            return column + " IS NULL";
        }
        if (value.matches("\\d{1,18}")) {
            return column + " = " + sql.param(Long.parseLong(value));
        }
        return organizations
                .findByName(value)
                .map(o -> column + " = " + sql.param(o.id()))
                .orElse("1 = 0");
    }

    /** {@code created>2026-01-01}, {@code updated<2026-01-01T10:00:00Z}, {@code created>4hours}. */
    private String date(String column, SearchQuery.Condition c, Sql sql) {
        Instant start;
        Instant end;
        Matcher relative = RELATIVE.matcher(c.value().toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            long n = Long.parseLong(relative.group(1));
            Duration unit = switch (relative.group(2)) {
                case "minute" -> Duration.ofMinutes(1);
                case "hour" -> Duration.ofHours(1);
                case "day" -> Duration.ofDays(1);
                case "week" -> Duration.ofDays(7);
                case "month" -> Duration.ofDays(30);
                default -> Duration.ofDays(365);
            };
            Instant since = clock.instant().minus(unit.multipliedBy(n));
            // "created>4hours" = within the last four hours; "created<4hours" = longer ago.
            return column
                    + switch (c.op()) {
                        case ">", ">=", ":" -> " >= ";
                        default -> " < ";
                    }
                    + sql.param(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        try {
            if (c.value().length() == 10) {
                LocalDate day = LocalDate.parse(c.value());
                start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                start = OffsetDateTime.parse(c.value()).toInstant();
                end = start;
            }
        } catch (DateTimeParseException e) {
            throw invalid(c.keyword()
                    + " takes a date (2026-11-27), a date-time (2026-11-27T10:00:00Z) or an age (4hours); got \""
                    + c.value() + "\"");
        }
        String from = sql.param(OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
        String to = sql.param(OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
        return switch (c.op()) {
            case ">" -> column + " >= " + to + (start.equals(end) ? " AND " + column + " > " + from : "");
            case ">=" -> column + " >= " + from;
            case "<" -> column + " < " + from;
            case "<=" -> column + " < " + to + (start.equals(end) ? " OR " + column + " = " + from : "");
            default ->
                start.equals(end) ? column + " = " + from : column + " >= " + from + " AND " + column + " < " + to;
        };
    }

    /** The ticket order of {@code sort_by}/{@code sort_order}: a column plus id as tie-breaker. */
    private static KeysetSort ticketSort(String sortBy, String sortOrder) {
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
            default -> throw new IllegalStateException("orderBy() accepts only the sort_by values above");
        };
    }

    private static String orderBy(String sortBy, String sortOrder) {
        String direction = "desc".equalsIgnoreCase(sortOrder) ? " DESC" : " ASC";
        if (sortBy == null) {
            return "id" + direction;
        }
        String column = switch (sortBy) {
            case "created_at" -> "created_at";
            case "updated_at" -> "updated_at";
            case "priority" -> "priority";
            case "status" -> "status";
            case "ticket_type" -> "type";
            default ->
                throw new BadRequestException(
                        "InvalidParameter",
                        "sort_by must be created_at, updated_at, priority, status or ticket_type (got \"" + sortBy
                                + "\")");
        };
        return column + direction + ", id" + direction;
    }

    private static BadRequestException invalid(String message) {
        return new BadRequestException("InvalidSearchQuery", message);
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
