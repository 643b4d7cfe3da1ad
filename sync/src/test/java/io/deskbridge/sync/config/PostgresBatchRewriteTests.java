package io.deskbridge.sync.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchRewriteTests {

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }

    @Test
    void shouldRewriteBatchesOnPostgres() {
        try (HikariDataSource pool = pool("jdbc:postgresql://db:5432/sync?currentSchema=s")) {
            new PostgresBatchRewrite().postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties().getProperty("reWriteBatchedInserts"))
                    .isEqualTo("true");
        }
    }

    @Test
    void shouldLeaveH2Alone() {
        try (HikariDataSource pool = pool("jdbc:h2:mem:x")) {
            new PostgresBatchRewrite().postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
        }
    }

    @Test
    void shouldKeepAnOperatorsOwnSetting() {
        try (HikariDataSource pool = pool("jdbc:postgresql://db:5432/sync")) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "false");
            new PostgresBatchRewrite().postProcessBeforeInitialization(pool, "dataSource");
            assertThat(pool.getDataSourceProperties().getProperty("reWriteBatchedInserts"))
                    .isEqualTo("false");
        }
    }
}
