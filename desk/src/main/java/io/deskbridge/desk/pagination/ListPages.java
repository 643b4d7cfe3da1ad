package io.deskbridge.desk.pagination;

import io.deskbridge.desk.api.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Typed pages ({@link ListPage}) in both of Zendesk's styles. {@link #inMemory} serves the small
 * account-configuration lists (fields, brands, forms, policies: tens of rows, never thousands) from
 * one read: a cursor holds the sort key of its boundary row, so a row added or removed between pages
 * neither repeats nor skips another.
 */
@Component
public class ListPages {

    private static final Comparator<List<Long>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final CursorCodec codec;

    ListPages(CursorCodec codec) {
        this.codec = codec;
    }

    /**
     * A page of {@code all}, which the caller has sorted ascending by {@code sortKey}: two numbers,
     * unique per row (position then id, or created_at's epoch second then id).
     */
    public <T> ListPage<T> inMemory(
            String key, HttpServletRequest request, List<T> all, Function<T, List<Long>> sortKey) {
        PageRequest page = PageRequest.from(request);
        if (page instanceof PageRequest.Offset offset) {
            int from = Math.min(offset.offset(), all.size());
            int to = Math.min(from + offset.perPage(), all.size());
            return offsetPage(key, all.subList(from, to), all.size(), offset, request);
        }
        PageRequest.Cursor cursor = (PageRequest.Cursor) page;
        int width = 2;
        String scope = key + ":memory";
        List<T> window;
        boolean hasMore;
        boolean backward = cursor.before() != null;
        if (backward) {
            List<Long> bound = decode(scope, cursor.before(), width);
            List<T> earlier = all.stream()
                    .filter(t -> KEY_ORDER.compare(sortKey.apply(t), bound) < 0)
                    .toList();
            int from = Math.max(0, earlier.size() - cursor.size());
            window = earlier.subList(from, earlier.size());
            hasMore = from > 0;
        } else {
            List<T> later = cursor.after() == null
                    ? all
                    : all.stream()
                            .filter(t -> KEY_ORDER.compare(sortKey.apply(t), decode(scope, cursor.after(), width)) > 0)
                            .toList();
            window = later.subList(0, Math.min(cursor.size(), later.size()));
            hasMore = later.size() > cursor.size();
        }
        String after = window.isEmpty() ? null : encode(scope, sortKey.apply(window.get(window.size() - 1)));
        String before = window.isEmpty() ? null : encode(scope, sortKey.apply(window.get(0)));
        return cursorPage(key, List.copyOf(window), hasMore, after, before, backward, request);
    }

    /** Offset style around rows the caller already cut to the page. */
    public <T> ListPage<T> offsetPage(
            String key, List<T> items, long count, PageRequest.Offset page, HttpServletRequest request) {
        boolean more = (long) page.page() * page.perPage() < count
                && (long) page.page() * page.perPage() < PageRequest.MAX_OFFSET_DEPTH;
        return new ListPage<>(
                key,
                List.copyOf(items),
                new ListPage.OffsetLinks(
                        more ? pageLink(request, page.page() + 1) : null,
                        page.page() > 1 ? pageLink(request, page.page() - 1) : null,
                        count),
                null);
    }

    /**
     * Cursor style; {@code links.next} is null on the last page (clients follow it blindly), and
     * {@code links.prev} only when there is somewhere to go back to.
     */
    public <T> ListPage<T> cursorPage(
            String key,
            List<T> items,
            boolean hasMore,
            String afterCursor,
            String beforeCursor,
            boolean backward,
            HttpServletRequest request) {
        boolean walkedFromSomewhere = request.getParameter("page[after]") != null;
        String next = afterCursor != null && (backward || hasMore) ? link(request, "page[after]", afterCursor) : null;
        String prev = beforeCursor != null && (backward ? hasMore : walkedFromSomewhere)
                ? link(request, "page[before]", beforeCursor)
                : null;
        return new ListPage<>(
                key,
                List.copyOf(items),
                null,
                new ListPage.CursorLinks(
                        new ListPage.Meta(hasMore, afterCursor, beforeCursor), new ListPage.Links(prev, next)));
    }

    /** A signed cursor over string key values (see {@link CursorCodec}). */
    public String encodeCursor(String scope, List<String> values) {
        return codec.encode(scope, values);
    }

    public List<String> decodeCursor(String scope, String cursor, int expectedValues) {
        return codec.decode(scope, cursor, expectedValues);
    }

    private String encode(String scope, List<Long> key) {
        return codec.encode(scope, key.stream().map(String::valueOf).toList());
    }

    private List<Long> decode(String scope, String cursor, int width) {
        List<Long> values = new ArrayList<>();
        for (String value : codec.decode(scope, cursor, width)) {
            try {
                values.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new BadRequestException(
                        "InvalidCursor", "The cursor is invalid, expired, or was made for another list");
            }
        }
        return values;
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
