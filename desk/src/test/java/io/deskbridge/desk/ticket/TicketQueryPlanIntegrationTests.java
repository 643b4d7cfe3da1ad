package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.KeysetSort.Direction;
import io.deskbridge.desk.pagination.PageQuery;
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
 * The SQL is the repository's own, built from the same typed filters and page queries. Its
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
        PageQuery page = new PageQuery(sort, direction, List.of(0L), 0, 101);
        String where = "t.deleted_at IS NULL"
                + page.boundarySql().map(b -> " AND " + b).orElse("");
        return "SELECT * FROM tickets t WHERE " + where + TicketRepository.pageOrder(TicketFilter.LIVE, page);
    }

    /** The repository's statement for a filtered first page, with its parameters. */
    private String filteredPage(TicketFilter filter, String select, String tail) {
        TicketRepository.Sql where = TicketRepository.where(filter);
        return plan("SELECT " + select + " FROM tickets t WHERE " + where.text() + tail, where.params());
    }

    @Test
    void shouldServeACursorPageByIdFromThePrimaryKey() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single())
                .isGreaterThanOrEqualTo(TICKETS);
        String plan = plan(cursorPage(KeysetSort.byId(false), Direction.FORWARD), Map.of("k0", 50_000L));
        // The order leads with deleted_at (see TicketRepository.pageOrder): the primary key or the
        // (deleted_at, id) index, either walked in order, never a sort.
        assertThat(plan)
                .containsPattern("Index Scan using (tickets_pkey|tickets_deleted_idx)")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    @Test
    void shouldServeABackwardsPageFromThePrimaryKey() {
        String plan = plan(cursorPage(KeysetSort.byId(false), Direction.BACKWARD), Map.of("k0", 50_000L));
        assertThat(plan)
                .containsPattern("Index Scan Backward using (tickets_pkey|tickets_deleted_idx)")
                .doesNotContain("Sort");
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
        String plan = filteredPage(
                TicketFilter.live(List.of(new TicketFilter.Words(List.of("w42")))),
                "*",
                PageQuery.offset(KeysetSort.byId(false), 0, 100).orderAndWindowSql());
        assertThat(plan)
                .contains("search_terms_pkey")
                .doesNotContain("Seq Scan on search_terms")
                .doesNotContain("Seq Scan on tickets");
    }

    @Test
    void shouldAnswerPrefixSearchFromTheTermIndex() {
        String plan =
                filteredPage(TicketFilter.live(List.of(new TicketFilter.Words(List.of("w499*")))), "COUNT(*)", "");
        assertThat(plan).contains("search_terms_pkey").doesNotContain("Seq Scan on search_terms");
    }

    @Test
    void shouldAnswerTagFiltersFromTheTagIndex() {
        String plan = filteredPage(
                TicketFilter.live(List.of(new TicketFilter.HasTag("tag7"))),
                "*",
                PageQuery.offset(KeysetSort.byId(false), 0, 100).orderAndWindowSql());
        assertThat(plan)
                .contains("ticket_tags_pkey")
                .doesNotContain("Seq Scan on ticket_tags")
                .doesNotContain("Seq Scan on tickets");
    }
}
