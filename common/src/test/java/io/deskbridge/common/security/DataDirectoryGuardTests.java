package io.deskbridge.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryGuardTests {

    @TempDir
    Path temp;

    @Test
    void shouldCreateAMissingDirectoryOwnerOnly() throws Exception {
        Path dir = temp.resolve("new/data");

        DataDirectoryGuard.secure(dir, "desk.data-dir");

        assertThat(dir).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
    }

    @Test
    void shouldTightenAnExistingDirectoryThatOthersCanRead() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(dir.resolve("desk.mv.db"), "x");

        DataDirectoryGuard.secure(dir, "desk.data-dir");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        assertThat(file).hasContent("x");
    }

    @Test
    void shouldRefuseAFileNamingTheProperty() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> DataDirectoryGuard.secure(file, "sync.data-dir"))
                .hasMessage(
                        "sync.data-dir (" + file.toAbsolutePath() + ") is not a directory; point it at a directory");
    }
}
