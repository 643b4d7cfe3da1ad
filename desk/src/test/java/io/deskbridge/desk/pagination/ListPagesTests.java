package io.deskbridge.desk.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.api.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ListPagesTests {

    /** A fixed signing key instead of the database's. */
    private static final class FixedKey extends ServerKeyRepository {
        FixedKey() {
            super(null, null);
        }

        @Override
        byte[] loadOrCreate(String name, int bytes) {
            return new byte[bytes];
        }
    }

    private final ListPages pages = new ListPages(new CursorCodec(new FixedKey()));

    private record Row(long position, long id) {}

    private static List<Row> rows(long... ids) {
        List<Row> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(new Row(1, id));
        }
        return rows;
    }

    private static MockHttpServletRequest request(String... params) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v2/things");
        for (int i = 0; i < params.length; i += 2) {
            request.addParameter(params[i], params[i + 1]);
        }
        return request;
    }

    private ListPage<Row> page(List<Row> all, String... params) {
        return pages.inMemory("things", request(params), all, r -> List.of(r.position(), r.id()));
    }

    @Nested
    class Cursor {

        @Test
        void shouldWalkForwardUntilHasMoreIsFalseAndNextIsNull() {
            List<Row> all = rows(1, 2, 3, 4, 5);
            ListPage<Row> first = page(all, "page[size]", "2");
            assertThat(first.items()).extracting(Row::id).containsExactly(1L, 2L);
            assertThat(first.cursor().meta().hasMore()).isTrue();
            assertThat(first.cursor().links().prev()).isNull();
            ListPage<Row> second = page(
                    all, "page[size]", "2", "page[after]", first.cursor().meta().afterCursor());
            assertThat(second.items()).extracting(Row::id).containsExactly(3L, 4L);
            assertThat(second.cursor().links().prev()).startsWith("http://localhost/api/v2/things.json?");
            ListPage<Row> last = page(
                    all,
                    "page[size]",
                    "2",
                    "page[after]",
                    second.cursor().meta().afterCursor());
            assertThat(last.items()).extracting(Row::id).containsExactly(5L);
            assertThat(last.cursor().meta().hasMore()).isFalse();
            assertThat(last.cursor().links().next()).isNull();
        }

        @Test
        void shouldWalkBackwardWithPageBefore() {
            List<Row> all = rows(1, 2, 3, 4, 5);
            ListPage<Row> last = page(
                    all,
                    "page[size]",
                    "2",
                    "page[after]",
                    page(all, "page[size]", "3").cursor().meta().afterCursor());
            assertThat(last.items()).extracting(Row::id).containsExactly(4L, 5L);
            ListPage<Row> back = page(
                    all, "page[size]", "2", "page[before]", last.cursor().meta().beforeCursor());
            assertThat(back.items()).extracting(Row::id).containsExactly(2L, 3L);
            assertThat(back.cursor().meta().hasMore()).isTrue();
        }

        @Test
        void shouldNeitherRepeatNorSkipWhenARowIsRemovedBetweenPages() {
            ListPage<Row> first = page(rows(1, 2, 3, 4), "page[size]", "2");
            ListPage<Row> second = page(
                    rows(1, 3, 4),
                    "page[size]",
                    "2",
                    "page[after]",
                    first.cursor().meta().afterCursor());
            assertThat(second.items()).extracting(Row::id).containsExactly(3L, 4L);
        }

        @Test
        void shouldRefuseACursorOfAnotherList() {
            String foreign = pages.encodeCursor("other:memory", List.of("1", "2"));
            assertThatThrownBy(() -> page(rows(1), "page[after]", foreign))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("The cursor is invalid, expired, or was made for another list");
        }
    }

    @Nested
    class Offset {

        @Test
        void shouldCutThePageAndLinkBothWays() {
            ListPage<Row> page = page(rows(1, 2, 3, 4, 5), "per_page", "2", "page", "2");
            assertThat(page.items()).extracting(Row::id).containsExactly(3L, 4L);
            assertThat(page.offset().count()).isEqualTo(5);
            assertThat(page.offset().nextPage()).isEqualTo("http://localhost/api/v2/things.json?per_page=2&page=3");
            assertThat(page.offset().previousPage()).isEqualTo("http://localhost/api/v2/things.json?per_page=2&page=1");
        }

        @Test
        void shouldAnswerAnEmptyPageBeyondTheEnd() {
            ListPage<Row> page = page(rows(1, 2), "per_page", "2", "page", "3");
            assertThat(page.items()).isEmpty();
            assertThat(page.offset().nextPage()).isNull();
        }
    }
}
