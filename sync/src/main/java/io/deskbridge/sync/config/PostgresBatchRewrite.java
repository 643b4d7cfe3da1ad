package io.deskbridge.sync.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * On PostgreSQL, the driver rewrites each JDBC batch of INSERTs into multi-row INSERTs
 * ({@code reWriteBatchedInserts=true}): the store writes every export page of up to 1,000 records as
 * one batch, which pgjdbc otherwise sends as 1,000 single-row statements (BENCHMARKS.md, issue 5:
 * "PostgreSQL batches are not rewritten"). Decision: set on the pool for any {@code
 * jdbc:postgresql:} URL, so an operator's {@code SPRING_DATASOURCE_URL} need not carry it; a value in
 * the URL itself wins (pgjdbc reads URL parameters over these properties). H2 is left alone: it
 * refuses connection settings it does not know.
 */
public class PostgresBatchRewrite implements BeanPostProcessor {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
            pool.addDataSourceProperty(PROPERTY, "true");
        }
        return bean;
    }
}
