package io.deskbridge.archfixture;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Breaks the SQL rule (ArchitectureRulesTests): SQL outside a repository. */
public class SqlInAService {

    private final JdbcClient jdbc;

    SqlInAService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }
}
