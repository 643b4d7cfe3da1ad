package io.deskbridge.archfixture;

import io.deskbridge.desk.pagination.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Breaks the SQL rules (ArchitectureRulesTests): SQL and SQL fragments outside a repository. */
public class SqlInAService {

    private final JdbcClient jdbc;

    SqlInAService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    static String orderOf(PageQuery page) {
        return page.orderBySql();
    }
}
