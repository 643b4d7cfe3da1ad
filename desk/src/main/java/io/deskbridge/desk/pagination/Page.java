package io.deskbridge.desk.pagination;

import java.util.List;
import java.util.function.Function;

/** One page of rows and its pagination fields; controllers map the rows to wire records. */
public record Page<T>(List<T> items, Paging paging) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), paging);
    }
}
