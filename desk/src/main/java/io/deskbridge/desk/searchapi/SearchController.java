package io.deskbridge.desk.searchapi;

import io.deskbridge.desk.api.ApiException;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ZendeskErrors;
import io.deskbridge.desk.organization.OrganizationJson;
import io.deskbridge.desk.organization.Organizations;
import io.deskbridge.desk.pagination.PageRequest;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.search.SearchIndex;
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
import java.util.LinkedHashMap;
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
import tools.jackson.databind.ObjectMapper;

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
    private final ObjectMapper json;
    private final Clock clock;

    SearchController(Tickets tickets, Users users, Organizations organizations, ObjectMapper json, Clock clock) {
        this.tickets = tickets;
        this.users = users;
        this.organizations = organizations;
        this.json = json;
        this.clock = clock;
    }

    /** One result type: its SQL filter and how to page and render it. */
    private record Part(long count, PartPage page) {}

    @FunctionalInterface
    private interface PartPage {
        List<Map<String, Object>> fetch(int offset, int limit);
    }

    @GetMapping("/api/v2/search")
    Map<String, Object> search(
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
        List<Part> parts = parts(SearchQuery.parse(query), caller, order);
        long total = parts.stream().mapToLong(Part::count).sum();
        List<Map<String, Object>> results = new ArrayList<>();
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
            List<Map<String, Object>> rows = part.page().fetch((int) skip, want);
            results.addAll(rows);
            want -= rows.size();
            skip = 0;
        }
        Map<String, Object> body =
                Pager.offsetEnvelope("results", results, Math.min(total, MAX_RESULTS), offset, request);
        body.put("facets", null);
        return body;
    }

    @GetMapping("/api/v2/search/count")
    Map<String, Object> count(@RequestParam String query, @AuthenticationPrincipal DeskPrincipal caller) {
        long total = parts(SearchQuery.parse(query), caller, "id ASC").stream()
                .mapToLong(Part::count)
                .sum();
        return Map.of("count", total);
    }

    private List<Part> parts(SearchQuery query, DeskPrincipal caller, String order) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<Part> parts = new ArrayList<>();
        String type = query.type();
        if (type != null && !List.of("ticket", "user", "organization").contains(type)) {
            throw new BadRequestException(
                    "InvalidSearchQuery", "type must be ticket, user or organization (got \"" + type + "\")");
        }
        if (type == null || type.equals("ticket")) {
            Sql sql = ticketSql(query, caller);
            String where = "deleted_at IS NULL" + sql.where();
            parts.add(new Part(
                    tickets.count(where, sql.params()),
                    (off, limit) -> tickets.page(where, sql.params(), order, off, limit).stream()
                            .map(t -> withType(TicketJson.ticket(t, base), "ticket"))
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
                            .map(u -> withType(asMap(UserJson.of(u, base)), "user"))
                            .toList()));
        }
        if (type == null || type.equals("organization")) {
            Sql sql = organizationSql(query);
            String orgOrder = order.startsWith("priority") || order.startsWith("status") || order.startsWith("type")
                    ? "id ASC"
                    : order;
            parts.add(new Part(
                    organizations.count(sql.where(), sql.params()),
                    (off, limit) -> organizations.page(sql.where(), sql.params(), orgOrder, off, limit).stream()
                            .map(o -> withType(asMap(OrganizationJson.of(o, base)), "organization"))
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

    private Sql ticketSql(SearchQuery query, DeskPrincipal caller) {
        Sql sql = new Sql();
        List<String> words = new ArrayList<>(query.words());
        for (SearchQuery.Condition c : query.conditions()) {
            switch (c.keyword()) {
                case "status" -> sql.and(ranked("status", STATUSES, c, sql), c.negated());
                case "priority" -> sql.and(ranked("priority", PRIORITIES, c, sql), c.negated());
                case "ticket_type" -> sql.and("type = " + sql.param(c.value().toLowerCase(Locale.ROOT)), c.negated());
                case "requester" -> sql.and(userRef("requester_id", c.value(), caller, sql), c.negated());
                case "assignee" -> sql.and(userRef("assignee_id", c.value(), caller, sql), c.negated());
                case "submitter" -> sql.and(userRef("submitter_id", c.value(), caller, sql), c.negated());
                case "organization" -> sql.and(organizationRef("organization_id", c.value(), sql), c.negated());
                case "group" -> sql.and(idOrNone("group_id", c.value(), sql), c.negated());
                case "tags", "tag" -> {
                    String tag = sql.param(c.value().toLowerCase(Locale.ROOT)).substring(1);
                    sql.and(Tickets.tagCondition(tag), c.negated());
                }
                case "external_id" -> sql.and("external_id = " + sql.param(c.value()), c.negated());
                case "created" -> sql.and(date("created_at", c, sql), c.negated());
                case "updated" -> sql.and(date("updated_at", c, sql), c.negated());
                case "due_date" -> sql.and(date("due_at", c, sql), c.negated());
                case "subject", "description", "comment" -> words.add(c.value());
                default -> words.add(c.keyword() + c.op() + c.value());
            }
        }
        text(sql, "ticket", words, query.phrases(), phrase -> Tickets.phraseCondition(phrase));
        return sql;
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

    private Sql organizationSql(SearchQuery query) {
        Sql sql = new Sql();
        List<String> words = new ArrayList<>(query.words());
        for (SearchQuery.Condition c : query.conditions()) {
            switch (c.keyword()) {
                case "external_id" -> sql.and("external_id = " + sql.param(c.value()), c.negated());
                case "created" -> sql.and(date("created_at", c, sql), c.negated());
                case "updated" -> sql.and(date("updated_at", c, sql), c.negated());
                case "name", "tags", "tag", "details", "notes" -> words.add(c.value());
                default -> words.add(c.keyword() + c.op() + c.value());
            }
        }
        text(
                sql,
                "organization",
                words,
                query.phrases(),
                phrase -> "(LOWER(name) LIKE :" + phrase + " OR LOWER(COALESCE(details, '')) LIKE :" + phrase
                        + " OR LOWER(COALESCE(notes, '')) LIKE :" + phrase + ")");
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

    private static String ranked(String column, List<String> values, SearchQuery.Condition c, Sql sql) {
        String value = c.value().toLowerCase(Locale.ROOT);
        int rank = values.indexOf(value);
        if (rank < 0) {
            throw invalid(column + " must be one of " + String.join(", ", values) + " (got \"" + c.value() + "\")");
        }
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            boolean keep = switch (c.op()) {
                case "<" -> i < rank;
                case "<=" -> i <= rank;
                case ">" -> i > rank;
                case ">=" -> i >= rank;
                default -> i == rank;
            };
            if (keep) {
                matching.add(values.get(i));
            }
        }
        return matching.isEmpty() ? "1 = 0" : column + " IN (" + sql.param(matching) + ")";
    }

    private String userRef(String column, String value, DeskPrincipal caller, Sql sql) {
        if (value.equalsIgnoreCase("me")) {
            return column + " = " + sql.param(caller.userId());
        }
        if (value.equalsIgnoreCase("none")) {
            return column + " IS NULL";
        }
        if (value.matches("\\d{1,18}")) {
            return column + " = " + sql.param(Long.parseLong(value));
        }
        return users.findByEmail(value)
                .map(u -> column + " = " + sql.param(u.id()))
                .orElse("1 = 0");
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

    private static String idOrNone(String column, String value, Sql sql) {
        if (value.equalsIgnoreCase("none")) {
            return column + " IS NULL";
        }
        if (!value.matches("\\d{1,18}")) {
            throw invalid(column.replace("_id", "") + " takes an id or none (got \"" + value + "\")");
        }
        return column + " = " + sql.param(Long.parseLong(value));
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

    private Map<String, Object> withType(Map<String, Object> item, String type) {
        Map<String, Object> result = new LinkedHashMap<>(item);
        result.put("result_type", type);
        return result;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(Object record) {
        return json.convertValue(record, Map.class);
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
        public Map<String, Object> body() {
            return ZendeskErrors.error(
                    "invalid",
                    "Invalid search: Requested response size was greater than Search Response Limits (1000 results)");
        }
    }
}
