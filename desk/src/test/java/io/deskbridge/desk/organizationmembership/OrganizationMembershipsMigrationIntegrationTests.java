package io.deskbridge.desk.organizationmembership;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V15_1 gives every user in a live organization one default membership of it, and takes users out of
 * organizations deleted before the table existed, on H2 and on PostgreSQL: a database migrated to
 * V14_1 (the last before it on main) with users in it.
 */
class OrganizationMembershipsMigrationIntegrationTests {

    private static final OffsetDateTime CREATED = OffsetDateTime.of(2024, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);

    @Test
    void shouldBackfillOneDefaultMembershipPerUserInALiveOrganization() throws Exception {
        Map<String, String> db = TestDatabase.fresh();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                db.get("spring.datasource.url"),
                db.get("spring.datasource.username"),
                db.get("spring.datasource.password"));
        String vendor = TestDatabase.isPostgres() ? "postgresql" : "h2";
        FluentConfiguration config = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .javaMigrations(ticketArrayColumnsMigration());
        if (db.containsKey("spring.flyway.schemas")) {
            config.schemas(db.get("spring.flyway.schemas")).createSchemas(true);
        }
        config.target("14.1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long live = organization(jdbc, "Live", false);
        long deleted = organization(jdbc, "Gone", true);
        long member = user(jdbc, "Member", live);
        long orphan = user(jdbc, "Orphan", deleted);
        long loner = user(jdbc, "Loner", null);

        config.target("latest").load().migrate();

        assertThat(jdbc.sql("""
                        SELECT user_id, organization_id, is_default, created_at FROM organization_memberships ORDER BY id
                        """)
                        .query((rs, row) -> rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getBoolean(3) + ":"
                                + rs.getObject(4, OffsetDateTime.class).toInstant())
                        .list())
                .containsExactly(member + ":" + live + ":true:" + CREATED.toInstant());
        assertThat(organizationOf(jdbc, member)).isEqualTo(live);
        assertThat(organizationOf(jdbc, orphan)).isNull();
        assertThat(organizationOf(jdbc, loner)).isNull();
    }

    private static long organization(JdbcClient jdbc, String name, boolean deleted) {
        jdbc.sql("""
                INSERT INTO organizations (name, name_normalized, deleted, created_at, updated_at)
                VALUES (:name, :name, :deleted, :at, :at)
                """)
                .param("name", name)
                .param("deleted", deleted)
                .param("at", CREATED)
                .update();
        return jdbc.sql("SELECT id FROM organizations WHERE name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private static long user(JdbcClient jdbc, String name, Long organizationId) {
        jdbc.sql("""
                INSERT INTO users (name, role, organization_id, created_at, updated_at)
                VALUES (:name, 'END_USER', :org, :at, :at)
                """)
                .param("name", name)
                .param("org", organizationId)
                .param("at", CREATED)
                .update();
        return jdbc.sql("SELECT id FROM users WHERE name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    private static Long organizationOf(JdbcClient jdbc, long user) {
        List<Long> found = jdbc.sql("SELECT organization_id FROM users WHERE id = :id")
                .param("id", user)
                .query((rs, row) -> rs.getObject(1, Long.class))
                .list();
        return found.get(0);
    }

    /** V7 is a Java migration, package-private in ticket/ as production keeps it. */
    private static JavaMigration ticketArrayColumnsMigration() throws Exception {
        var constructor = Class.forName("io.deskbridge.desk.ticket.TicketArrayColumnsMigration")
                .getDeclaredConstructor();
        constructor.setAccessible(true);
        return (JavaMigration) constructor.newInstance();
    }
}
