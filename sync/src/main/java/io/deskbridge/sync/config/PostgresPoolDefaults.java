package io.deskbridge.sync.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Driver settings sync adds to a PostgreSQL pool (any {@code jdbc:postgresql:} URL), so an operator's
 * {@code SPRING_DATASOURCE_URL} need not carry them; a value the operator set (in the URL, which pgjdbc
 * reads over these properties, or as a pool property) wins. H2 is left alone: it refuses connection
 * settings it does not know.
 * <ul>
 *   <li>{@code reWriteBatchedInserts=true}: the store writes every export page of up to 1,000 records
 *       as one batch, which pgjdbc otherwise sends as 1,000 single-row statements (BENCHMARKS.md, issue
 *       5: "PostgreSQL batches are not rewritten").
 *   <li>{@code options=-c plan_cache_mode=force_custom_plan}: every statement is planned with its
 *       values and the table's current size. Decision (issue 17): pgjdbc prepares a statement on the
 *       server after five runs, and PostgreSQL then keeps a generic plan made while the store's tables
 *       were still empty; nothing replaces it until the table is analyzed. For the store's look-up of a
 *       page's 1,000 ids that plan is a hash join over every stored record of the connection, so a
 *       first sync of 1,000,000 tickets slowed to ~750 tickets/s at 400,000 on a server with
 *       autovacuum off (each page read the whole table). Planning sync's few statements each time costs
 *       far less than one such page. PostgreSQL 12 or later (the setting is unknown before).
 * </ul>
 */
public class PostgresPoolDefaults implements BeanPostProcessor {

    static final String BATCH_REWRITE = "reWriteBatchedInserts";
    static final String OPTIONS = "options";
    static final String CUSTOM_PLANS = "-c plan_cache_mode=force_custom_plan";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            if (!pool.getDataSourceProperties().containsKey(BATCH_REWRITE)) {
                pool.addDataSourceProperty(BATCH_REWRITE, "true");
            }
            if (!pool.getDataSourceProperties().containsKey(OPTIONS) && !urlSets(pool.getJdbcUrl(), OPTIONS)) {
                pool.addDataSourceProperty(OPTIONS, CUSTOM_PLANS);
            }
        }
        return bean;
    }

    /** Whether the URL's query carries the parameter (pgjdbc would take the URL's over ours anyway). */
    private static boolean urlSets(String url, String parameter) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            if (pair.equals(parameter) || pair.startsWith(parameter + "=")) {
                return true;
            }
        }
        return false;
    }
}
