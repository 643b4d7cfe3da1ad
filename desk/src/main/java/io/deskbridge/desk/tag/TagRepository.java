package io.deskbridge.desk.tag;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository {

    /** Tags of live tickets with their counts. */
    private static final String COUNTED = """
            SELECT tt.tag AS name, COUNT(*) AS cnt
              FROM ticket_tags tt JOIN tickets t ON t.id = tt.ticket_id
             WHERE t.deleted_at IS NULL
             GROUP BY tt.tag
            """;

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countDistinct() {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT tt.tag)
                  FROM ticket_tags tt JOIN tickets t ON t.id = tt.ticket_id
                 WHERE t.deleted_at IS NULL
                """).query(Long.class).single();
    }

    List<Tag> offsetPage(int offset, int limit) {
        return jdbc.sql("SELECT name, cnt FROM (" + COUNTED + ") s ORDER BY cnt DESC, name ASC OFFSET :offset ROWS"
                        + " FETCH NEXT :limit ROWS ONLY")
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, row) -> new Tag(rs.getString("name"), rs.getLong("cnt")))
                .list();
    }

    /** Rows after {@code (count, name)} in list order, or the first rows when {@code after} is null. */
    List<Tag> after(Tag after, int limit) {
        String boundary = after == null ? "" : " WHERE cnt < :cnt OR (cnt = :cnt AND name > :name)";
        var spec = jdbc.sql("SELECT name, cnt FROM (" + COUNTED + ") s" + boundary
                        + " ORDER BY cnt DESC, name ASC FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("cnt", after.count()).param("name", after.name());
        }
        return spec.query((rs, row) -> new Tag(rs.getString("name"), rs.getLong("cnt")))
                .list();
    }

    /** Rows before {@code (count, name)}, nearest first (the caller reverses them). */
    List<Tag> before(Tag before, int limit) {
        return jdbc.sql("SELECT name, cnt FROM (" + COUNTED + ") s WHERE cnt > :cnt OR (cnt = :cnt AND name < :name)"
                        + " ORDER BY cnt ASC, name DESC FETCH FIRST :limit ROWS ONLY")
                .param("cnt", before.count())
                .param("name", before.name())
                .param("limit", limit)
                .query((rs, row) -> new Tag(rs.getString("name"), rs.getLong("cnt")))
                .list();
    }

    List<String> startingWith(String prefix, int limit) {
        return jdbc.sql("SELECT name FROM (" + COUNTED + ") s WHERE name LIKE :prefix ESCAPE '!'"
                        + " ORDER BY cnt DESC, name ASC FETCH FIRST :limit ROWS ONLY")
                .param("prefix", prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .param("limit", limit)
                .query(String.class)
                .list();
    }
}
