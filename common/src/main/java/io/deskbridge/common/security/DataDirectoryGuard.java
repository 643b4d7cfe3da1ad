package io.deskbridge.common.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

/**
 * Makes the data directory (the embedded H2 files, the token pepper, the keysets) owner-only, 0700,
 * before any bean opens a file in it: created so when missing, tightened (with a warning) when group
 * or others may read it. The files inside keep the mode their writer gives them (H2 follows the
 * process umask), but nobody else can reach them through a 0700 directory (issue 10: H2 files were
 * 0644 beside 0600 keys). Runs as a bean factory post-processor, so it precedes the DataSource, Flyway
 * and every file-backed secret, in the packaged jar and in tests alike. On a file system without
 * POSIX permissions it only creates the directory.
 */
public final class DataDirectoryGuard implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryGuard.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final String property;
    private Environment environment;

    /** @param property the property naming the data directory, e.g. {@code desk.data-dir} */
    public DataDirectoryGuard(String property) {
        this.property = property;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String value = environment.getProperty(property);
        if (value != null && !value.isBlank()) {
            secure(Path.of(value.strip()), property);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Creates {@code dir} (and missing parents) owner-only, or tightens an existing one to 0700. */
    public static void secure(Path dir, String property) {
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                setOwnerOnly(dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(
                        property + " (" + dir.toAbsolutePath() + ") is not a directory; point it at a directory");
            }
            Set<PosixFilePermission> current;
            try {
                current = Files.getPosixFilePermissions(dir);
            } catch (UnsupportedOperationException noPosix) {
                return;
            }
            Set<PosixFilePermission> others = EnumSet.copyOf(current);
            others.removeAll(OWNER_ONLY);
            if (!others.isEmpty() || !current.containsAll(OWNER_ONLY)) {
                log.warn(
                        "{} ({}) was {}; made it rwx------ (owner only): it holds the database and the keys",
                        property,
                        dir.toAbsolutePath(),
                        PosixFilePermissions.toString(current));
                setOwnerOnly(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create or secure " + property + " (" + dir.toAbsolutePath()
                            + "); make it a directory this user owns",
                    e);
        }
    }

    private static void setOwnerOnly(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        } catch (UnsupportedOperationException noPosix) {
            // Not a POSIX file system: nothing to set.
        }
    }
}
