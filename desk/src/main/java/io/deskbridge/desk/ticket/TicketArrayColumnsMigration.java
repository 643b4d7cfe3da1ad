package io.deskbridge.desk.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * V7: {@code tickets.tags}, {@code collaborator_ids} and {@code follower_ids} become SQL arrays
 * ({@code VARCHAR(255) ARRAY}, {@code BIGINT ARRAY}, the standard syntax both H2 and PostgreSQL
 * accept) instead of JSON text, so reading a ticket parses nothing. Java, not SQL, because H2 has no
 * function that turns a JSON array into an SQL array: each row's JSON is read once here and written
 * back as arrays; existing data is kept. Flyway picks this bean up through Spring Boot.
 */
@Component
class TicketArrayColumnsMigration implements JavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Long>> LONGS = new TypeReference<>() {};

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "ticket array columns";
    }

    @Override
    public Integer getChecksum() {
        return 7_000_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres =
                connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String emptyArray = postgres ? "'{}'" : "ARRAY[]";
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(
                    "ALTER TABLE tickets ADD COLUMN tag_list VARCHAR(255) ARRAY DEFAULT " + emptyArray + " NOT NULL");
            ddl.execute("ALTER TABLE tickets ADD COLUMN collaborator_list BIGINT ARRAY DEFAULT " + emptyArray
                    + " NOT NULL");
            ddl.execute(
                    "ALTER TABLE tickets ADD COLUMN follower_list BIGINT ARRAY DEFAULT " + emptyArray + " NOT NULL");
        }
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("""
                        SELECT id, tags, collaborator_ids, follower_ids FROM tickets
                         WHERE tags <> '[]' OR collaborator_ids <> '[]' OR follower_ids <> '[]'
                        """);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE tickets SET tag_list = ?, collaborator_list = ?, follower_list = ? WHERE id = ?")) {
            while (rows.next()) {
                update.setArray(
                        1,
                        connection.createArrayOf(
                                "varchar",
                                JSON.readValue(rows.getString("tags"), STRINGS).toArray()));
                update.setArray(
                        2,
                        connection.createArrayOf(
                                "bigint",
                                JSON.readValue(rows.getString("collaborator_ids"), LONGS)
                                        .toArray()));
                update.setArray(
                        3,
                        connection.createArrayOf(
                                "bigint",
                                JSON.readValue(rows.getString("follower_ids"), LONGS)
                                        .toArray()));
                update.setLong(4, rows.getLong("id"));
                update.executeUpdate();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            for (String[] column : new String[][] {
                {"tags", "tag_list"}, {"collaborator_ids", "collaborator_list"}, {"follower_ids", "follower_list"}
            }) {
                ddl.execute("ALTER TABLE tickets DROP COLUMN " + column[0]);
                ddl.execute(
                        postgres
                                ? "ALTER TABLE tickets RENAME COLUMN " + column[1] + " TO " + column[0]
                                : "ALTER TABLE tickets ALTER COLUMN " + column[1] + " RENAME TO " + column[0]);
            }
        }
    }
}
