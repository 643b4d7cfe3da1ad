package io.deskbridge.desk.pagination;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.pagination.KeysetSort.Direction;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
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

    /** Where a list's rows come from: its own filter, fixed by the caller, and a window of it. */
    public interface Source<T> {

        long count();

        List<T> fetch(PageQuery query);
    }

    /**
     * Reads one page of a list in whichever pagination style the request asked for.
     *
     * @param list names the list inside cursors, so a cursor of one list is refused by another
     * @param sortValue the value of a sort column of a row (only called for columns in {@code sorts})
     */
    public <T> Page<T> page(
            String list,
            HttpServletRequest request,
            Map<String, KeysetSort.Kind> sorts,
            String defaultSort,
            Source<T> source,
            ToLongFunction<T> idOf,
            BiFunction<T, String, Object> sortValue) {
        KeysetSort sort = KeysetSort.parse(sortParameter(request), sorts, defaultSort);
        PageRequest page = PageRequest.from(request);
        if (page instanceof PageRequest.Cursor cursor) {
            return cursorPage(
                    list,
                    sort,
                    cursor,
                    source::fetch,
                    row -> sort.keyOf(sortValue.apply(row, sort.column()), idOf.applyAsLong(row)),
                    request);
        }
        PageRequest.Offset offset = (PageRequest.Offset) page;
        List<T> rows = source.fetch(PageQuery.offset(sort, offset.offset(), offset.perPage()));
        return new Page<>(rows, offsetPaging(source.count(), offset, request));
    }

    /** One keyset page: at most {@code request.size()} rows after or before the cursor's row. */
    public <T> Page<T> cursorPage(
            String list,
            KeysetSort sort,
            PageRequest.Cursor request,
            Function<PageQuery, List<T>> fetch,
            Function<T, List<String>> keyOf,
            HttpServletRequest http) {
        String scope = sort.scope(list);
        Direction direction = request.before() != null ? Direction.BACKWARD : Direction.FORWARD;
        String cursor = request.before() != null ? request.before() : request.after();
        List<Object> bound = new ArrayList<>();
        if (cursor != null) {
            List<String> values = codec.decode(scope, cursor, sort.keySize());
            for (int i = 0; i < values.size(); i++) {
                try {
                    bound.add(sort.bindValue(i, values.get(i)));
                } catch (RuntimeException e) {
                    throw new BadRequestException(
                            "InvalidCursor", "The cursor is invalid, expired, or was made for another list");
                }
            }
        }
        List<T> rows = new ArrayList<>(fetch.apply(new PageQuery(sort, direction, bound, 0, request.size() + 1)));
        boolean hasMore = rows.size() > request.size();
        if (hasMore) {
            rows.remove(rows.size() - 1);
        }
        if (direction == Direction.BACKWARD) {
            Collections.reverse(rows);
        }
        String after = rows.isEmpty() ? null : codec.encode(scope, keyOf.apply(rows.get(rows.size() - 1)));
        String before = rows.isEmpty() ? null : codec.encode(scope, keyOf.apply(rows.get(0)));
        return new Page<>(rows, cursorPaging(hasMore, after, before, direction, http));
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

    private static Paging.Cursor cursorPaging(
            boolean hasMore, String after, String before, Direction direction, HttpServletRequest request) {
        boolean forward = direction == Direction.FORWARD;
        boolean walkedFromSomewhere = request.getParameter("page[after]") != null;
        String next = after != null && (forward ? hasMore : true) ? link(request, "page[after]", after) : null;
        String prev = before != null && (forward ? walkedFromSomewhere : hasMore)
                ? link(request, "page[before]", before)
                : null;
        return new Paging.Cursor(new Paging.Meta(hasMore, after, before), new Paging.Links(prev, next));
    }

    /** {@code next_page}/{@code previous_page} links of an offset page of a list of {@code count} rows. */
    public static Paging.Offset offsetPaging(long count, PageRequest.Offset page, HttpServletRequest request) {
        boolean more = (long) page.page() * page.perPage() < count
                && (long) page.page() * page.perPage() < PageRequest.MAX_OFFSET_DEPTH;
        return new Paging.Offset(
                more ? pageLink(request, page.page() + 1) : null,
                page.page() > 1 ? pageLink(request, page.page() - 1) : null,
                count);
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
