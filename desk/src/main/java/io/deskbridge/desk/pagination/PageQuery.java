package io.deskbridge.desk.pagination;

import io.deskbridge.desk.pagination.KeysetSort.Direction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a repository is asked for: an order and a window of it, either an offset ({@code page},
 * {@code per_page}) or a keyset bound (the sort-key values of the row a cursor points at). Typed, so
 * no SQL travels from controllers; the SQL helpers below are for repositories only.
 *
 * @param bound the sort-key values after (or before, walking backwards) which rows come; empty for the
 *     first page or an offset window
 */
public record PageQuery(KeysetSort sort, Direction direction, List<Object> bound, int offset, int limit) {

    public PageQuery {
        bound = List.copyOf(bound);
    }

    /** The first {@code limit} rows after {@code offset} in {@code sort} order. */
    public static PageQuery offset(KeysetSort sort, int offset, int limit) {
        return new PageQuery(sort, Direction.FORWARD, List.of(), offset, limit);
    }

    /** For repositories: the {@code ORDER BY} list. */
    public String orderBySql() {
        return sort.orderBy(direction);
    }

    /** For repositories: the keyset condition over the sort columns, parameters {@code :k0}, {@code :k1}. */
    public Optional<String> boundarySql() {
        return sort.boundary(direction, !bound.isEmpty());
    }

    /** For repositories: the values of {@link #boundarySql()}'s parameters. */
    public Map<String, Object> boundaryParams() {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < bound.size(); i++) {
            params.put("k" + i, bound.get(i));
        }
        return params;
    }

    /** For repositories: {@code ORDER BY ... OFFSET ... FETCH NEXT ...}, the same on H2 and PostgreSQL. */
    public String orderAndWindowSql() {
        return " ORDER BY " + orderBySql() + " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
    }

    /**
     * {@link #orderAndWindowSql()} led by {@code constantColumn}, a column the query's WHERE holds to
     * one value in every row (so the order is the same), in the direction of the first sort key. H2
     * walks a composite index {@code (constantColumn, sort key)} in order and stops after the window
     * only when the ORDER BY names the index's leading column; otherwise it reads and sorts every row
     * the condition matches. PostgreSQL plans both forms alike.
     */
    public String orderAndWindowSql(String constantColumn) {
        boolean descending = sort.descending() ^ (direction == Direction.BACKWARD);
        return " ORDER BY " + constantColumn + (descending ? " DESC" : " ASC") + ", " + orderBySql() + " OFFSET "
                + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
    }
}
