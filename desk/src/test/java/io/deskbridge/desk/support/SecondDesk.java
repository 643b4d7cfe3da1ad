package io.deskbridge.desk.support;

import io.deskbridge.desk.DeskApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second desk instance in this JVM on the test desk's database and secrets, as the second node of
 * a cluster runs, on random ports. Its settings are command-line arguments, so they win over
 * application.yml; {@code overrides} replace or add settings (a datasource through a relay, a Redis
 * URL).
 */
public final class SecondDesk implements AutoCloseable {

    /** The test desk's settings the second instance shares. */
    private static final List<String> SHARED = List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.flyway.schemas",
            "desk.data-dir",
            "desk.admin.email",
            "desk.admin.password",
            "desk.tokens.pepper",
            "desk.tokens.max-per-account",
            "desk.cluster.epoch-poll-interval",
            "desk.auth.failed-attempts-per-minute",
            "desk.auth.failed-attempts-per-minute-per-account",
            "desk.rate-limit.redis-key-prefix",
            "desk.rate-limit.enforce");

    private final ConfigurableApplicationContext context;

    private SecondDesk(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @SafeVarargs
    public static SecondDesk start(
            Environment first,
            Map<String, String> overrides,
            ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : SHARED) {
            String value = first.getProperty(key);
            if (value != null) {
                settings.put(key, value);
            }
        }
        settings.put("server.port", "0");
        settings.put("management.server.port", "0");
        settings.putAll(overrides);
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SecondDesk(new SpringApplicationBuilder(DeskApplication.class)
                .initializers(initializers)
                .run(args.toArray(String[]::new)));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public DeskClient api() {
        return DeskClient.stateless(baseUrl());
    }

    public DeskClient management() {
        return DeskClient.stateless(
                "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
