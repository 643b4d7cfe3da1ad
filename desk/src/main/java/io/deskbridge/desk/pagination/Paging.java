package io.deskbridge.desk.pagination;

/**
 * The pagination fields of a list response. Envelope records hold it as a {@code @JsonUnwrapped}
 * component, so its fields sit beside the resource's array, as in Zendesk.
 */
public sealed interface Paging permits Paging.Offset, Paging.Cursor {

    /** {@code next_page}, {@code previous_page} (null at the ends, and Zendesk sends the nulls), {@code count}. */
    record Offset(String nextPage, String previousPage, long count) implements Paging {}

    /** {@code meta: {has_more, after_cursor, before_cursor}, links: {prev, next}}. */
    record Cursor(Meta meta, Links links) implements Paging {}

    record Meta(boolean hasMore, String afterCursor, String beforeCursor) {}

    /** {@code next} is null on the last page: the Java client follows it blindly. */
    record Links(String prev, String next) {}
}
