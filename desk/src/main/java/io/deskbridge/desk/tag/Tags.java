package io.deskbridge.desk.tag;

import io.deskbridge.desk.api.BadRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's tag cloud, read from the tickets' tags (see package-info for the decisions). */
@Service
public class Tags {

    static final int AUTOCOMPLETE_LIMIT = 15;
    static final int AUTOCOMPLETE_MIN_LENGTH = 2;

    private final TagRepository repository;

    Tags(TagRepository repository) {
        this.repository = repository;
    }

    /** One cursor page: rows, whether more follow in the walking direction. */
    record Window(List<Tag> tags, boolean hasMore) {}

    @Transactional(readOnly = true)
    public long count() {
        return repository.countDistinct();
    }

    @Transactional(readOnly = true)
    List<Tag> offsetPage(int offset, int limit) {
        return repository.offsetPage(offset, limit);
    }

    @Transactional(readOnly = true)
    Window after(Tag boundary, int size) {
        List<Tag> rows = new ArrayList<>(repository.after(boundary, size + 1));
        boolean more = rows.size() > size;
        return new Window(more ? rows.subList(0, size) : rows, more);
    }

    @Transactional(readOnly = true)
    Window before(Tag boundary, int size) {
        List<Tag> rows = new ArrayList<>(repository.before(boundary, size + 1));
        boolean more = rows.size() > size;
        List<Tag> page = new ArrayList<>(more ? rows.subList(0, size) : rows);
        Collections.reverse(page);
        return new Window(page, more);
    }

    /** Up to 15 tag names starting with {@code fragment}, most used first; 400 under 2 characters. */
    @Transactional(readOnly = true)
    public List<String> autocomplete(String fragment) {
        String prefix = fragment == null ? "" : fragment.strip().toLowerCase(Locale.ROOT);
        if (prefix.length() < AUTOCOMPLETE_MIN_LENGTH) {
            throw new BadRequestException(
                    "InvalidParameter",
                    "name must have at least " + AUTOCOMPLETE_MIN_LENGTH + " characters (got \"" + prefix + "\")");
        }
        return repository.startingWith(prefix, AUTOCOMPLETE_LIMIT);
    }
}
