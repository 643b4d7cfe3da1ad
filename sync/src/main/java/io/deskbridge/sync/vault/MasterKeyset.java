package io.deskbridge.sync.vault;

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
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keyset: from {@code sync.vault.master-key}, else from (or, on first start, into)
 * {@code <data-dir>/master-keyset.json}. Everything wrong with it is a start-up failure that names
 * where the keyset came from and how to fix it.
 *
 * @param aead the keyset's primitive (wraps and unwraps data keys)
 * @param primaryKeyId the id of the key new wraps use
 * @param source where the keyset came from, for messages
 */
record MasterKeyset(Aead aead, long primaryKeyId, String source) {

    static final String PROPERTY = "sync.vault.master-key (SYNC_MASTER_KEY)";
    static final String FILE_NAME = "master-keyset.json";

    private static final Logger log = LoggerFactory.getLogger(MasterKeyset.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    @Override
    public String toString() {
        return "MasterKeyset[primaryKeyId=" + primaryKeyId + ", source=" + source + "]";
    }

    static MasterKeyset load(String property, Path dataDir) {
        if (property != null && !property.isBlank()) {
            return parse(PROPERTY, decodeProperty(property.strip()));
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        return parse("the master keyset file " + file, readOrCreate(file));
    }

    /** A fresh keyset with one AES-256-GCM key, as Tink JSON. */
    static String generate() {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not generate an AES-256-GCM keyset", e);
        }
    }

    static String withNewPrimary(String json) {
        try {
            AeadConfig.register();
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary());
            return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Could not add a key to the master keyset (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String onlyPrimary(String json) {
        try {
            AeadConfig.register();
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(handle);
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!handle.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not retire the master keyset's old keys ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    static MasterKeyset parse(String source, String json) {
        KeysetHandle handle;
        try {
            AeadConfig.register();
            handle = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // Never the cause: Tink's parse errors may quote the key material.
            throw new IllegalStateException(
                    source + " is not a Tink JSON keyset (generate one with: tinkey create-keyset "
                            + "--key-template AES256_GCM --out-format json, then base64 -w0 it)");
        }
        if (!(handle.getPrimary().getKey() instanceof AesGcmKey primary)
                || primary.getParameters().getKeySizeBytes() != 32) {
            throw new IllegalStateException(source + ": the primary key must be AES-256-GCM (Tink AES256_GCM); it is "
                    + handle.getPrimary().getKey().getParameters());
        }
        try {
            return new MasterKeyset(
                    handle.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    Integer.toUnsignedLong(handle.getPrimary().getId()),
                    source);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(source + " holds keys that are not AEAD keys ("
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
            return new String(Base64.getDecoder().decode(value.replaceAll("\\s", "")), StandardCharsets.UTF_8);
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
                    log.info(
                            "Generated the master keyset into {} (owner read/write only); back it up: "
                                    + "without it the stored credentials cannot be opened",
                            file);
                } catch (FileAlreadyExistsException anotherInstanceWon) {
                    // read what the other process wrote
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            refuseWhenOthersCanRead(file);
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read or create the master keyset file " + file + "; set " + PROPERTY
                            + " or make sync.data-dir (SYNC_DATA_DIR) writable",
                    e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        try {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
        } catch (UnsupportedOperationException noPosix) {
            return new FileAttribute<?>[0];
        }
    }

    /** Like ssh with a private key: a master key other users can read is refused, not used. */
    private static void refuseWhenOthersCanRead(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException noPosix) {
            return;
        }
        Set<PosixFilePermission> extra = EnumSet.copyOf(permissions);
        extra.removeAll(EnumSet.of(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        if (!extra.isEmpty()) {
            throw new IllegalStateException("The master keyset file " + file + " is accessible to other users ("
                    + PosixFilePermissions.toString(permissions) + "); restrict it with: chmod 600 " + file);
        }
    }
}
