package io.deskbridge.desk.pagination;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a Zendesk list, typed: {@code {key: [items], next_page, previous_page, count}} in offset
 * style, {@code {key: [items], meta: {...}, links: {...}}} in cursor style. Exactly one of
 * {@code offset}/{@code cursor} is set; the list's key ({@code "ticket_fields"}) is the only name
 * chosen at run time.
 */
public record ListPage<T>(
        @JsonIgnore String key,
        @JsonIgnore List<T> items,
        @JsonUnwrapped OffsetLinks offset,
        @JsonUnwrapped CursorLinks cursor) {

    /** All of a short list, without pagination keys ({@code show_many}, reorder answers). */
    public static <T> ListPage<T> whole(String key, List<T> items) {
        return new ListPage<>(key, List.copyOf(items), null, null);
    }

    /** The same page with each item turned into its wire shape. */
    public <R> ListPage<R> map(Function<? super T, ? extends R> toJson) {
        return new ListPage<>(key, items.stream().<R>map(toJson).toList(), offset, cursor);
    }

    @JsonAnyGetter
    public Map<String, List<T>> envelope() {
        return Map.of(key, items);
    }

    /** Offset style; {@code next_page}/{@code previous_page} are written even when null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OffsetLinks(String nextPage, String previousPage, long count) {}

    /** Cursor style. */
    public record CursorLinks(Meta meta, Links links) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Meta(boolean hasMore, String afterCursor, String beforeCursor) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Links(String prev, String next) {}
}
