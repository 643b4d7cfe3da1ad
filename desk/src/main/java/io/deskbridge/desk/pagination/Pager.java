package io.deskbridge.desk.pagination;

import io.deskbridge.desk.pagination.KeysetSort.Direction;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Runs keyset (cursor) pages and builds Zendesk's response envelopes for both pagination styles. */
@Component
public class Pager {

    private final CursorCodec codec;

    Pager(CursorCodec codec) {
        this.codec = codec;
    }

    /**
     * One keyset query: the optional boundary condition (parameters {@code :k0}/{@code :k1} in
     * {@code params}), the ORDER BY, and a LIMIT.
     */
    @FunctionalInterface
    public interface KeysetQuery<T> {
        List<T> fetch(Optional<String> boundary, Map<String, Object> params, String orderBy, int limit);
    }

    /** A cursor page in the order of the list, whichever way it was walked. */
    public record CursorResult<T>(
            List<T> items, boolean hasMore, String afterCursor, String beforeCursor, Direction direction) {}

    public <T> CursorResult<T> cursorPage(
            String list,
            KeysetSort sort,
            PageRequest.Cursor request,
            KeysetQuery<T> query,
            Function<T, List<String>> keyOf) {
        String scope = sort.scope(list);
        Direction direction = request.before() != null ? Direction.BACKWARD : Direction.FORWARD;
        String cursor = request.before() != null ? request.before() : request.after();
        Map<String, Object> params = new HashMap<>();
        if (cursor != null) {
            List<String> values = codec.decode(scope, cursor, sort.keySize());
            for (int i = 0; i < values.size(); i++) {
                try {
                    params.put("k" + i, sort.bindValue(i, values.get(i)));
                } catch (RuntimeException e) {
                    throw new io.deskbridge.desk.api.BadRequestException(
                            "InvalidCursor", "The cursor is invalid, expired, or was made for another list");
                }
            }
        }
        List<T> rows = new ArrayList<>(query.fetch(
                sort.boundary(direction, cursor != null), params, sort.orderBy(direction), request.size() + 1));
        boolean hasMore = rows.size() > request.size();
        if (hasMore) {
            rows.remove(rows.size() - 1);
        }
        if (direction == Direction.BACKWARD) {
            Collections.reverse(rows);
        }
        String after = rows.isEmpty() ? null : codec.encode(scope, keyOf.apply(rows.get(rows.size() - 1)));
        String before = rows.isEmpty() ? null : codec.encode(scope, keyOf.apply(rows.get(0)));
        return new CursorResult<>(rows, hasMore, after, before, direction);
    }

    /** Where a list's rows come from: a filter the caller fixed, plus the page's own conditions. */
    public interface ListSource<T> {

        long count();

        /** Rows matching the list's filter AND {@code extraWhere} (may be empty; starts with " AND "). */
        List<T> page(String extraWhere, Map<String, Object> params, String orderBy, int offset, int limit);
    }

    /**
     * Serves a list endpoint in whichever pagination style the request asked for, with Zendesk's
     * envelope under {@code key}.
     *
     * @param sortValue the value of a sort column of a row (only called for columns in {@code sorts})
     */
    public <T> Map<String, Object> list(
            String key,
            HttpServletRequest request,
            Map<String, KeysetSort.Kind> sorts,
            String defaultSort,
            ListSource<T> source,
            Function<T, Object> toJson,
            java.util.function.ToLongFunction<T> idOf,
            java.util.function.BiFunction<T, String, Object> sortValue) {
        KeysetSort sort = KeysetSort.parse(sortParameter(request), sorts, defaultSort);
        PageRequest page = PageRequest.from(request);
        if (page instanceof PageRequest.Cursor cursor) {
            CursorResult<T> result = cursorPage(
                    key,
                    sort,
                    cursor,
                    (boundary, params, orderBy, limit) ->
                            source.page(boundary.map(b -> " AND " + b).orElse(""), params, orderBy, 0, limit),
                    row -> sort.keyOf(sortValue.apply(row, sort.column()), idOf.applyAsLong(row)));
            return cursorEnvelope(key, result.items().stream().map(toJson).toList(), result, request);
        }
        PageRequest.Offset offset = (PageRequest.Offset) page;
        List<T> rows = source.page("", Map.of(), sort.orderBy(Direction.FORWARD), offset.offset(), offset.perPage());
        return offsetEnvelope(key, rows.stream().map(toJson).toList(), source.count(), offset, request);
    }

    /** Zendesk's {@code sort} (cursor style) or {@code sort_by} + {@code sort_order} (offset style). */
    private static String sortParameter(HttpServletRequest request) {
        String sort = request.getParameter("sort");
        if (sort != null) {
            return sort;
        }
        String sortBy = request.getParameter("sort_by");
        if (sortBy == null) {
            return null;
        }
        return "desc".equalsIgnoreCase(request.getParameter("sort_order")) ? "-" + sortBy : sortBy;
    }

    /**
     * {@code {key: items, meta: {has_more, after_cursor, before_cursor}, links: {next, prev}}}.
     * {@code links.next} is null on the last page: the Java client follows it blindly.
     */
    public static Map<String, Object> cursorEnvelope(
            String key, List<?> items, CursorResult<?> page, HttpServletRequest request) {
        boolean forward = page.direction() == Direction.FORWARD;
        boolean walkedFromSomewhere = request.getParameter("page[after]") != null;
        String next = page.afterCursor() != null && (forward ? page.hasMore() : true)
                ? link(request, "page[after]", page.afterCursor())
                : null;
        String prev = page.beforeCursor() != null && (forward ? walkedFromSomewhere : page.hasMore())
                ? link(request, "page[before]", page.beforeCursor())
                : null;
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("has_more", page.hasMore());
        meta.put("after_cursor", page.afterCursor());
        meta.put("before_cursor", page.beforeCursor());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("prev", prev);
        links.put("next", next);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items);
        body.put("meta", meta);
        body.put("links", links);
        return body;
    }

    /** {@code {key: items, next_page, previous_page, count}}. */
    public static Map<String, Object> offsetEnvelope(
            String key, List<?> items, long count, PageRequest.Offset page, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items);
        boolean more = (long) page.page() * page.perPage() < count
                && (long) page.page() * page.perPage() < PageRequest.MAX_OFFSET_DEPTH;
        body.put("next_page", more ? pageLink(request, page.page() + 1) : null);
        body.put("previous_page", page.page() > 1 ? pageLink(request, page.page() - 1) : null);
        body.put("count", count);
        return body;
    }

    private static String link(HttpServletRequest request, String param, String cursor) {
        return current(request)
                .replaceQueryParam("page[after]")
                .replaceQueryParam("page[before]")
                .queryParam(param, cursor)
                .build()
                .encode()
                .toUriString();
    }

    private static String pageLink(HttpServletRequest request, int page) {
        return current(request).replaceQueryParam("page", page).build().encode().toUriString();
    }

    private static UriComponentsBuilder current(HttpServletRequest request) {
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromContextPath(request)
                .path(request.getRequestURI().substring(request.getContextPath().length()) + ".json");
        request.getParameterMap().forEach((name, values) -> builder.queryParam(name, (Object[]) values));
        return builder;
    }
}
