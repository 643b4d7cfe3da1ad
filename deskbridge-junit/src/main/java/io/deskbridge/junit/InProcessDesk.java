package io.deskbridge.junit;

import io.deskbridge.desk.DeskApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * desk started in this JVM on a random port, with an empty in-memory H2 database, a temporary data
 * directory, a random owner password and a random test-double key. Rate limits are reported but not
 * enforced (a suite sends more than a plan's minute allows); the 429s a test wants it injects.
 */
final class InProcessDesk implements AutoCloseable {

    static final String OWNER_EMAIL = "owner@deskbridge.test";

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final String key;

    private InProcessDesk(ConfigurableApplicationContext context, Path dataDir, String key) {
        this.context = context;
        this.dataDir = dataDir;
        this.key = key;
    }

    static InProcessDesk start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("deskbridge-junit-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = random();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("spring.datasource.url", "jdbc:h2:mem:deskbridge-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        properties.put("desk.data-dir", dataDir.toString());
        properties.put("desk.admin.email", OWNER_EMAIL);
        properties.put("desk.admin.password", random());
        properties.put("desk.rate-limit.enforce", "false");
        properties.put("desk.test-double.enabled", "true");
        properties.put("desk.test-double.key", key);
        properties.put("spring.main.banner-mode", "off");
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(DeskApplication.class).run(arguments(properties));
        return new InProcessDesk(context, dataDir, key);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    String key() {
        return key;
    }

    @Override
    public void close() throws IOException {
        context.close();
        FileSystemUtils.deleteRecursively(dataDir);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** As command-line arguments: they outrank application.yml (default properties would not). */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }
}
