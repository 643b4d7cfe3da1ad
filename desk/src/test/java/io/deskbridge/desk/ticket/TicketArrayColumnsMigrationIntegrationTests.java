package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V7 turns the JSON text of tickets' tags and id lists into SQL arrays and keeps every existing value,
 * on H2 and on PostgreSQL: a database migrated to V5 (the last before it on main) with tickets in it
 * reads back the same tickets.
 */
class TicketArrayColumnsMigrationIntegrationTests {

    @Test
    void shouldKeepExistingTagsAndIdListsWhenTheyBecomeArrays() {
        Map<String, String> db = TestDatabase.fresh();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                db.get("spring.datasource.url"),
                db.get("spring.datasource.username"),
                db.get("spring.datasource.password"));
        String vendor = TestDatabase.isPostgres() ? "postgresql" : "h2";
        FluentConfiguration config = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .javaMigrations(new TicketArrayColumnsMigration());
        if (db.containsKey("spring.flyway.schemas")) {
            config.schemas(db.get("spring.flyway.schemas")).createSchemas(true);
        }
        config.target("5").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (String[] row : new String[][] {
            {"Tagged", "[\"vip\",\"needs \\\"quotes\\\"\"]", "[5,6]", "[7]"}, {"Plain", "[]", "[]", "[]"}
        }) {
            jdbc.sql("""
                    INSERT INTO tickets (subject, raw_subject, description, status, requester_id, submitter_id,
                                         collaborator_ids, follower_ids, tags, via_channel, created_at, updated_at,
                                         generated_timestamp)
                    VALUES (:subject, :subject, 'Body', 'open', 1, 1, :collaborators, :followers, :tags, 'api',
                            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)
                    """)
                    .param("subject", row[0])
                    .param("tags", row[1])
                    .param("collaborators", row[2])
                    .param("followers", row[3])
                    .update();
        }

        config.target("latest").load().migrate();

        List<Ticket> tickets = jdbc.sql("SELECT * FROM tickets ORDER BY id")
                .query(TicketRepository.rows())
                .list();
        assertThat(tickets).extracting(Ticket::subject).containsExactly("Tagged", "Plain");
        assertThat(tickets.get(0).tags()).containsExactly("vip", "needs \"quotes\"");
        assertThat(tickets.get(0).collaboratorIds()).containsExactly(5L, 6L);
        assertThat(tickets.get(0).followerIds()).containsExactly(7L);
        assertThat(tickets.get(1).tags()).isEmpty();
        assertThat(tickets.get(1).collaboratorIds()).isEmpty();
        assertThat(tickets.get(1).followerIds()).isEmpty();
    }
}
