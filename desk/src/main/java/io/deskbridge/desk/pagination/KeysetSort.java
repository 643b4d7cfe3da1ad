package io.deskbridge.desk.pagination;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A keyset order: one column plus {@code id} as tie-breaker, ascending or descending. Builds the
 * row-value comparison {@code (col, id) > (:k0, :k1)} that both H2 and PostgreSQL answer from a
 * {@code (col, id)} index, so no page ever sorts the table.
 */
public record KeysetSort(String column, boolean descending, Kind kind) {

    /** How the sort column's values are stored. */
    public enum Kind {
        ID,
        TIMESTAMP,
        NUMBER
    }

    public static KeysetSort byId(boolean descending) {
        return new KeysetSort("id", descending, Kind.ID);
    }

    /**
     * Parses Zendesk's {@code sort} parameter ({@code updated_at}, {@code -id}, ...) against the
     * columns a list allows; the first allowed column is the default.
     */
    public static KeysetSort parse(String sort, Map<String, Kind> allowed, String defaultColumn) {
        if (sort == null || sort.isBlank()) {
            return new KeysetSort(defaultColumn, false, allowed.get(defaultColumn));
        }
        boolean descending = sort.startsWith("-");
        String column = (descending ? sort.substring(1) : sort).trim().toLowerCase(Locale.ROOT);
        Kind kind = allowed.get(column);
        if (kind == null) {
            throw new io.deskbridge.desk.api.BadRequestException(
                    "InvalidPaginationParameter",
                    "sort must be one of " + String.join(", ", allowed.keySet())
                            + " (optionally with a leading -); got \"" + sort + "\"");
        }
        return new KeysetSort(column, descending, kind);
    }

    /** Which way a page walks: forwards ({@code page[after]} or the first page) or backwards. */
    public enum Direction {
        FORWARD,
        BACKWARD
    }

    /** {@code ORDER BY} for a page walking in {@code direction}; repositories read it through PageQuery. */
    String orderBy(Direction direction) {
        boolean desc = descending ^ (direction == Direction.BACKWARD);
        String dir = desc ? " DESC" : " ASC";
        return column.equals("id") ? "id" + dir : column + dir + ", id" + dir;
    }

    /** The boundary condition, or empty for the first page. Parameters are {@code :k0}, {@code :k1}. */
    Optional<String> boundary(Direction direction, boolean hasBound) {
        if (!hasBound) {
            return Optional.empty();
        }
        boolean greater = !descending ^ (direction == Direction.BACKWARD);
        String op = greater ? " > " : " < ";
        return Optional.of(column.equals("id") ? "id" + op + ":k0" : "(" + column + ", id)" + op + "(:k0, :k1)");
    }

    /** How many values a cursor of this order holds. */
    public int keySize() {
        return column.equals("id") ? 1 : 2;
    }

    /** The JDBC parameter for key value {@code index}. */
    public Object bindValue(int index, String value) {
        if (index == keySize() - 1) {
            return Long.parseLong(value);
        }
        return switch (kind) {
            case TIMESTAMP -> OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC);
            case NUMBER, ID -> Long.parseLong(value);
        };
    }

    /** The cursor values of a row, given its sort-column value and id. */
    public List<String> keyOf(Object columnValue, long id) {
        if (column.equals("id")) {
            return List.of(Long.toString(id));
        }
        String value;
        if (columnValue instanceof Instant i) {
            value = i.toString();
        } else if (columnValue instanceof OffsetDateTime o) {
            value = o.toInstant().toString();
        } else if (columnValue instanceof Timestamp t) {
            value = t.toInstant().toString();
        } else {
            value = String.valueOf(columnValue);
        }
        return List.of(value, Long.toString(id));
    }

    /** Identifies the list and order a cursor belongs to. */
    public String scope(String list) {
        return list + ":" + column + (descending ? ":desc" : ":asc");
    }
}
