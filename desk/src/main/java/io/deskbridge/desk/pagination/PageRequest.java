package io.deskbridge.desk.pagination;

import io.deskbridge.desk.api.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What a list request asked for. {@code page[size]}/{@code page[after]}/{@code page[before]} select
 * cursor pagination; otherwise offset pagination with {@code page} and {@code per_page}.
 */
public sealed interface PageRequest {

    int MAX_SIZE = 100;
    /** Zendesk refuses offset pagination past the first 10,000 records. */
    int MAX_OFFSET_DEPTH = 10_000;

    /** Offset pagination; {@code page} counts from 1. */
    record Offset(int page, int perPage) implements PageRequest {

        public int offset() {
            return (page - 1) * perPage;
        }
    }

    /** Cursor pagination; at most one of {@code after}/{@code before} is set. */
    record Cursor(int size, String after, String before) implements PageRequest {}

    static PageRequest from(HttpServletRequest request) {
        return from(request, MAX_SIZE);
    }

    static PageRequest from(HttpServletRequest request, int defaultSize) {
        String size = request.getParameter("page[size]");
        String after = request.getParameter("page[after]");
        String before = request.getParameter("page[before]");
        if (size != null || after != null || before != null) {
            if (after != null && before != null) {
                throw new BadRequestException(
                        "InvalidPaginationParameter", "Send page[after] or page[before], not both");
            }
            return new Cursor(
                    number("page[size]", size, defaultSize, MAX_SIZE), blankToNull(after), blankToNull(before));
        }
        int perPage = number("per_page", request.getParameter("per_page"), defaultSize, MAX_SIZE);
        int page = number("page", request.getParameter("page"), 1, Integer.MAX_VALUE);
        if ((long) (page - 1) * perPage + perPage > MAX_OFFSET_DEPTH) {
            throw new BadRequestException(
                    "InvalidPaginationDepth",
                    "Offset pagination is limited to the first " + MAX_OFFSET_DEPTH + " records (page " + page + " of "
                            + perPage + " goes beyond); use cursor pagination with page[size]");
        }
        return new Offset(page, perPage);
    }

    private static int number(String name, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < 1 || parsed > max) {
                throw new BadRequestException(
                        "InvalidPaginationParameter",
                        name + " must be from 1 to " + max + " (got " + value.trim() + ")");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "InvalidPaginationParameter", name + " must be a whole number (got \"" + value + "\")");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
