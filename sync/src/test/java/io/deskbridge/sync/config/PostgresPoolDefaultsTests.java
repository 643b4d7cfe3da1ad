package io.deskbridge.sync.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresPoolDefaultsTests {

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }

    @Test
    void shouldRewriteBatchesAndPlanWithTheValuesOnPostgres() {
        try (HikariDataSource pool = pool("jdbc:postgresql://db:5432/sync?currentSchema=s")) {
            new PostgresPoolDefaults().postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties().getProperty("reWriteBatchedInserts"))
                    .isEqualTo("true");
            assertThat(pool.getDataSourceProperties().getProperty("options"))
                    .isEqualTo("-c plan_cache_mode=force_custom_plan");
        }
    }

    @Test
    void shouldLeaveH2Alone() {
        try (HikariDataSource pool = pool("jdbc:h2:mem:x")) {
            new PostgresPoolDefaults().postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties()).isEmpty();
        }
    }

    @Test
    void shouldKeepAnOperatorsOwnSettings() {
        try (HikariDataSource pool = pool("jdbc:postgresql://db:5432/sync")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "false");
            pool.addDataSourceProperty("options", "-c search_path=s");
            new PostgresPoolDefaults().postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties().getProperty("reWriteBatchedInserts"))
                    .isEqualTo("false");
            assertThat(pool.getDataSourceProperties().getProperty("options")).isEqualTo("-c search_path=s");
        }
        try (HikariDataSource pool =
                pool("jdbc:postgresql://db:5432/sync?ssl=true&options=-c%20statement_timeout%3D5s")) {
            new PostgresPoolDefaults().postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties()).doesNotContainKey("options");
        }
    }
}
