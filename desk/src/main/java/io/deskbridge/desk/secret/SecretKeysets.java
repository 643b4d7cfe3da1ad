package io.deskbridge.desk.secret;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the keyset desk seals secrets with: from {@code desk.secrets.keyset}, else from (or, on
 * first start, into) {@code <data-dir>/secrets-keyset.json}. Everything that is wrong with it is a
 * start-up failure naming where the keyset came from.
 */
final class SecretKeysets {

    static final String PROPERTY = "desk.secrets.keyset (DESK_SECRETS_KEYSET)";
    static final String FILE_NAME = "secrets-keyset.json";

    private static final Logger log = LoggerFactory.getLogger(SecretKeysets.class);

    private SecretKeysets() {}

    /** The AEAD of the configured keyset, or of the data-dir keyset (generated when missing). */
    static Aead load(String property, Path dataDir) {
        if (property != null && !property.isBlank()) {
            return aead(PROPERTY, decodeProperty(property.strip()));
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        return aead("the keyset file " + file, readOrCreate(file));
    }

    /** A fresh keyset with one AES-256-GCM key, as Tink JSON. */
    static String generate() {
        try {
            register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not generate an AES-256-GCM keyset", e);
        }
    }

    static Aead aead(String source, String json) {
        try {
            register();
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            if (!(handle.getPrimary().getKey() instanceof AesGcmKey primary)
                    || primary.getParameters().getKeySizeBytes() != 32) {
                throw new IllegalStateException(
                        source + ": the primary key must be AES-256-GCM (Tink AES256_GCM); it is "
                                + handle.getPrimary().getKey().getParameters());
            }
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(source + " is not a usable Tink JSON keyset of AEAD keys ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String decodeProperty(String value) {
        if (value.startsWith("{")) {
            throw new IllegalStateException(
                    PROPERTY
                            + " must be base64 of a Tink JSON keyset; it looks like raw JSON (encode it with: base64 -w0 keyset.json)");
        }
        try {
            return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    PROPERTY + " is not valid base64 (it must be base64 of a Tink JSON keyset)");
        }
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path draft = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp", ownerOnly());
                try {
                    Files.writeString(draft, generate());
                    Files.move(draft, file);
                    log.info("Generated the secrets keyset into {} (owner read/write only)", file);
                } catch (FileAlreadyExistsException anotherInstanceWon) {
                    // read what the other process wrote
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            warnWhenReadableByOthers(file);
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read or create the secrets keyset file " + file + "; set " + PROPERTY
                            + " or make desk.data-dir writable",
                    e);
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly() {
        try {
            return new java.nio.file.attribute.FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            };
        } catch (UnsupportedOperationException noPosix) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
    }

    private static void warnWhenReadableByOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn(
                        "The secrets keyset file {} is readable by other users ({}); restrict it with: chmod 600",
                        file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException noPosix) {
            // nothing to check on this file system
        }
    }

    private static void register() throws GeneralSecurityException {
        AeadConfig.register();
    }
}
