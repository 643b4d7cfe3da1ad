package io.deskbridge.desk.tag;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import io.deskbridge.desk.pagination.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/tags}, {@code /tags/count}, {@code /autocomplete/tags}: agents and admins read. */
@RestController
class TagController {

    private static final String SCOPE = "tags:count-desc";

    private final Tags tags;
    private final ListPages pages;
    private final Clock clock;

    TagController(Tags tags, ListPages pages, Clock clock) {
        this.tags = tags;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code {"count": {"value": n, "refreshed_at": "..."}}}: desk's count is always fresh. */
    record TagCount(long value, Instant refreshedAt) {}

    record TagCountResponse(TagCount count) {}

    /** {@code TagsByObjectIdResponse}. */
    record TagNames(List<String> tags) {}

    @GetMapping("/api/v2/tags")
    ListPage<Tag> list(HttpServletRequest request) {
        PageRequest page = PageRequest.from(request);
        if (page instanceof PageRequest.Offset offset) {
            return pages.offsetPage(
                    "tags", tags.offsetPage(offset.offset(), offset.perPage()), tags.count(), offset, request);
        }
        PageRequest.Cursor cursor = (PageRequest.Cursor) page;
        boolean backward = cursor.before() != null;
        Tags.Window window = backward
                ? tags.before(boundary(cursor.before()), cursor.size())
                : tags.after(cursor.after() == null ? null : boundary(cursor.after()), cursor.size());
        List<Tag> rows = window.tags();
        String after = rows.isEmpty() ? null : encode(rows.get(rows.size() - 1));
        String before = rows.isEmpty() ? null : encode(rows.get(0));
        return pages.cursorPage("tags", rows, window.hasMore(), after, before, backward, request);
    }

    @GetMapping("/api/v2/tags/count")
    TagCountResponse count() {
        return new TagCountResponse(new TagCount(tags.count(), Instant.now(clock)));
    }

    @GetMapping("/api/v2/autocomplete/tags")
    TagNames autocomplete(@RequestParam(name = "name", required = false) String name) {
        return new TagNames(tags.autocomplete(name));
    }

    private String encode(Tag tag) {
        return pages.encodeCursor(SCOPE, List.of(Long.toString(tag.count()), tag.name()));
    }

    private Tag boundary(String cursor) {
        List<String> values = pages.decodeCursor(SCOPE, cursor, 2);
        try {
            return new Tag(values.get(1), Long.parseLong(values.get(0)));
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "InvalidCursor", "The cursor is invalid, expired, or was made for another list");
        }
    }
}
