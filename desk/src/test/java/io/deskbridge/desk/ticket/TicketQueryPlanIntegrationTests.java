package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.KeysetSort.Direction;
import io.deskbridge.desk.search.SearchIndex;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With 100,000 tickets in PostgreSQL, the statements behind cursor pages, single reads, tag filters
 * and text search are answered from indexes: no sequential scan of tickets, no sort of the table.
 * The SQL is built by the same pieces the repositories use (KeysetSort, SearchIndex, Tickets). Its
 * own database (a distinct context), so the other tests do not page through 100,000 tickets.
 */
@Tag("postgres-only")
@TestPropertySource(properties = "desk.test.context=query-plans")
class TicketQueryPlanIntegrationTests extends DeskIntegrationTest {

    static final int TICKETS = 100_000;

    @BeforeAll
    void hundredThousandTickets() {
        jdbc.sql("""
                INSERT INTO tickets (subject, raw_subject, description, priority, status, requester_id, submitter_id,
                                     via_channel, created_at, updated_at, generated_timestamp)
                SELECT 'Ticket ' || g, 'Ticket ' || g, 'Body ' || g, 'normal', 'open', 1, 1, 'api',
                       TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1 second',
                       TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + g * INTERVAL '1 second',
                       1767225600 + g
                  FROM generate_series(1, 100000) AS g
                """).update();
        jdbc.sql("""
                INSERT INTO search_terms (entity_type, term, entity_id)
                SELECT 'ticket', 'w' || (t.id % 5000), t.id FROM tickets t
                """).update();
        jdbc.sql("INSERT INTO ticket_tags (ticket_id, tag) SELECT t.id, 'tag' || (t.id % 1000) FROM tickets t")
                .update();
        jdbc.sql("ANALYZE tickets").update();
        jdbc.sql("ANALYZE search_terms").update();
        jdbc.sql("ANALYZE ticket_tags").update();
    }

    private String plan(String sql, Map<String, Object> params) {
        List<String> lines =
                jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list();
        return String.join("\n", lines);
    }

    private static String cursorPage(KeysetSort sort, Direction direction) {
        String where = "t.deleted_at IS NULL"
                + sort.boundary(direction, true).map(b -> " AND " + b).orElse("");
        return "SELECT * FROM tickets t WHERE " + where + " ORDER BY " + sort.orderBy(direction)
                + " OFFSET 0 ROWS FETCH NEXT 101 ROWS ONLY";
    }

    @Test
    void shouldServeACursorPageByIdFromThePrimaryKey() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single())
                .isGreaterThanOrEqualTo(TICKETS);
        String plan = plan(cursorPage(KeysetSort.byId(false), Direction.FORWARD), Map.of("k0", 50_000L));
        assertThat(plan)
                .contains("Index Scan using tickets_pkey")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    @Test
    void shouldServeABackwardsPageFromThePrimaryKey() {
        String plan = plan(cursorPage(KeysetSort.byId(false), Direction.BACKWARD), Map.of("k0", 50_000L));
        assertThat(plan).contains("Index Scan Backward using tickets_pkey").doesNotContain("Sort");
    }

    @Test
    void shouldServeAnUpdatedAtPageFromItsIndex() {
        KeysetSort sort = new KeysetSort("updated_at", true, KeysetSort.Kind.TIMESTAMP);
        Map<String, Object> params = new HashMap<>();
        params.put("k0", sort.bindValue(0, "2026-01-01T12:00:00Z"));
        params.put("k1", 40_000L);
        String plan = plan(cursorPage(sort, Direction.FORWARD), params);
        assertThat(plan)
                .contains("tickets_updated_idx")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    @Test
    void shouldReadOneTicketByItsKey() {
        String plan = plan("SELECT * FROM tickets WHERE id = :id", Map.of("id", 77_777L));
        assertThat(plan).contains("Index Scan using tickets_pkey").doesNotContain("Seq Scan");
    }

    @Test
    void shouldAnswerTextSearchFromTheTermIndex() {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = SearchIndex.matching("ticket", "id", List.of("w42"), "q", params);
        String sql = "SELECT * FROM tickets t WHERE deleted_at IS NULL AND " + String.join(" AND ", conditions)
                + " ORDER BY id ASC OFFSET 0 ROWS FETCH NEXT 100 ROWS ONLY";
        String plan = plan(sql, params);
        assertThat(plan)
                .contains("search_terms_pkey")
                .doesNotContain("Seq Scan on search_terms")
                .doesNotContain("Seq Scan on tickets");
    }

    @Test
    void shouldAnswerPrefixSearchFromTheTermIndex() {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = SearchIndex.matching("ticket", "id", List.of("w499*"), "q", params);
        String plan = plan(
                "SELECT COUNT(*) FROM tickets t WHERE deleted_at IS NULL AND " + String.join(" AND ", conditions),
                params);
        assertThat(plan).contains("search_terms_pkey").doesNotContain("Seq Scan on search_terms");
    }

    @Test
    void shouldAnswerTagFiltersFromTheTagIndex() {
        String sql = "SELECT * FROM tickets t WHERE deleted_at IS NULL AND " + Tickets.tagCondition("tag")
                + " ORDER BY id ASC OFFSET 0 ROWS FETCH NEXT 100 ROWS ONLY";
        String plan = plan(sql, Map.of("tag", "tag7"));
        assertThat(plan)
                .contains("ticket_tags_pkey")
                .doesNotContain("Seq Scan on ticket_tags")
                .doesNotContain("Seq Scan on tickets");
    }
}
