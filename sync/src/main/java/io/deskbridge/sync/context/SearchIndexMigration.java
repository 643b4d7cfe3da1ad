package io.deskbridge.sync.context;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V6.1: on PostgreSQL, a stored generated {@code tsvector} per synced ticket (subject weighted
 * A, description B) and per synced comment (body), each with a GIN index; the database keeps them in
 * step with every insert and update the store makes, so the store's code does not change. On H2
 * nothing: H2 has no tsvector, and search there reads {@code search_text} directly (see {@link
 * TicketContexts#search}). A Java migration only because the SQL is PostgreSQL's alone; Spring Boot
 * hands every {@link JavaMigration} bean to Flyway.
 *
 * <p>Decision, text configuration {@code simple}: tickets arrive in any language, and a stemmer for
 * the wrong one does more harm than none; words match whole, case-insensitively.
 */
@Component
class SearchIndexMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6.1");
    }

    @Override
    public String getDescription() {
        return "full-text search index (PostgreSQL only)";
    }

    @Override
    public Integer getChecksum() {
        return 61;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement sql = context.getConnection().createStatement()) {
            sql.execute("""
                    ALTER TABLE synced_tickets ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple', COALESCE(subject, '')), 'A')
                        || setweight(to_tsvector('simple', COALESCE(search_text, '')), 'B')) STORED""");
            sql.execute("CREATE INDEX synced_tickets_search_idx ON synced_tickets USING GIN (search_vector)");
            sql.execute("""
                    ALTER TABLE synced_ticket_comments ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                        to_tsvector('simple', COALESCE(search_text, ''))) STORED""");
            sql.execute(
                    "CREATE INDEX synced_ticket_comments_search_idx ON synced_ticket_comments USING GIN (search_vector)");
        }
    }
}
