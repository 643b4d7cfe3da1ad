package io.deskbridge.desk.search;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class SearchIndexRepository {

    private final JdbcTemplate jdbc;

    SearchIndexRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(String type, long id, Collection<String> terms) {
        jdbc.update("DELETE FROM search_terms WHERE entity_type = ? AND entity_id = ?", type, id);
        jdbc.batchUpdate(
                "INSERT INTO search_terms (entity_type, term, entity_id) VALUES (?, ?, ?)",
                terms.stream().map(term -> new Object[] {type, term, id}).toList());
    }

    /** Adds terms the record does not have yet; callers hold the record's row lock. */
    void add(String type, long id, Collection<String> terms) {
        List<Object[]> rows = terms.stream()
                .map(term -> new Object[] {type, term, id, type, term, id})
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO search_terms (entity_type, term, entity_id)
                SELECT ?, ?, ? FROM (VALUES (1)) AS one (x)
                 WHERE NOT EXISTS (SELECT 1 FROM search_terms WHERE entity_type = ? AND term = ? AND entity_id = ?)
                """, rows);
    }
}
