package io.deskbridge.sync.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals and opens connection credentials. Envelope encryption: every {@link #seal} generates a fresh
 * AES-256-GCM data keyset, encrypts the secret with it, and stores the data keyset encrypted by the
 * master keyset (Tink's encrypted-keyset format). Both encryptions carry the {@link CredentialBinding}
 * as associated data, so a sealed credential opens only for its own connection and version.
 *
 * <p>Decision: a per-credential keyset wrapped by the master AEAD rather than Tink's {@code
 * KmsEnvelopeAead}: the wrap is then bound to the connection and version too, it is a column of its
 * own, and rotating the master key re-wraps data keys without touching the secrets.
 */
@Component
public class Vault {

    private static final byte[] CANARY_BINDING = "deskbridge-sync:vault-canary".getBytes(StandardCharsets.UTF_8);

    private final MasterKeyset master;

    @Autowired
    Vault(
            VaultProperties properties,
            @Value("${sync.data-dir}") Path dataDir,
            VaultCanaryRepository canary,
            Clock clock) {
        this(MasterKeyset.load(properties.masterKey(), dataDir));
        verifyCanary(canary, clock);
    }

    private Vault(MasterKeyset master) {
        this.master = master;
    }

    /** A vault over a master keyset given as Tink JSON (tests and tools). */
    public static Vault ofMasterKeysetJson(String json) {
        return new Vault(MasterKeyset.parse("the given master keyset", json));
    }

    /** A fresh AES-256-GCM master keyset as Tink JSON: base64 it into {@code SYNC_MASTER_KEY}. */
    public static String newMasterKeysetJson() {
        return MasterKeyset.generate();
    }

    /** The master keyset's primary key: new wraps use it; a wrap by any other key is re-wrapped on rotation. */
    public long primaryKeyId() {
        return master.primaryKeyId();
    }

    /**
     * The same secret with its data key re-wrapped under the primary master key (the ciphertext stays):
     * after a master key rotation, so the old key can be retired.
     *
     * @throws SecretUnreadableException when it was sealed for another binding or under a key the keyset lacks
     */
    public SealedSecret rewrap(SealedSecret sealed, CredentialBinding binding) {
        return rewrap(sealed, binding.associatedData(), binding.toString());
    }

    /**
     * {@code json} (a Tink JSON master keyset) with a new AES-256-GCM key added as its primary: step one of
     * a master key rotation (tools and tests; {@code tinkey rotate-keyset} does the same).
     */
    public static String withNewPrimaryKeyJson(String json) {
        return MasterKeyset.withNewPrimary(json);
    }

    /** {@code json} with only its primary key: the last step of a rotation, once nothing needs the old keys. */
    public static String withOnlyPrimaryKeyJson(String json) {
        return MasterKeyset.onlyPrimary(json);
    }

    /** Re-wraps the vault canary under the primary key, so it opens once the old keys are retired. */
    void rewrapCanary(VaultCanaryRepository canary) {
        canary.find()
                .ifPresent(stored -> canary.update(
                        rewrap(stored, CANARY_BINDING, "the vault canary").wrappedKey()));
    }

    /** Seals {@code plaintext} for {@code binding} under a data key of its own. */
    public SealedSecret seal(byte[] plaintext, CredentialBinding binding) {
        return seal(plaintext, binding.associatedData());
    }

    /**
     * The plaintext sealed for {@code binding}.
     *
     * @throws SecretUnreadableException when it was sealed for another binding or under another master key
     */
    public byte[] open(SealedSecret sealed, CredentialBinding binding) {
        return open(sealed, binding.associatedData(), binding.toString());
    }

    /** Seals {@code plaintext} for {@code binding}: a secret of another table than the credentials. */
    public SealedSecret seal(byte[] plaintext, PurposeBinding binding) {
        return seal(plaintext, binding.associatedData());
    }

    /**
     * The plaintext sealed for {@code binding}.
     *
     * @throws SecretUnreadableException when it was sealed for another binding or under another master key
     */
    public byte[] open(SealedSecret sealed, PurposeBinding binding) {
        return open(sealed, binding.associatedData(), binding.toString());
    }

    /** Like {@link #rewrap(SealedSecret, CredentialBinding)}, for a secret sealed for {@code binding}. */
    public SealedSecret rewrap(SealedSecret sealed, PurposeBinding binding) {
        return rewrap(sealed, binding.associatedData(), binding.toString());
    }

    private SealedSecret seal(byte[] plaintext, byte[] associatedData) {
        try {
            KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] ciphertext = dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class)
                    .encrypt(plaintext, associatedData);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, master.aead(), associatedData);
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedSecret(
                    master.primaryKeyId(), base64.encodeToString(wrapped), base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Could not seal a credential (" + e.getClass().getSimpleName() + ")");
        }
    }

    private SealedSecret rewrap(SealedSecret sealed, byte[] associatedData, String what) {
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(
                    base64.decode(sealed.wrappedKey()), master.aead(), associatedData);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, master.aead(), associatedData);
            return new SealedSecret(
                    master.primaryKeyId(), Base64.getEncoder().encodeToString(wrapped), sealed.ciphertext());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadableException(what);
        }
    }

    private byte[] open(SealedSecret sealed, byte[] associatedData, String what) {
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(
                    base64.decode(sealed.wrappedKey()), master.aead(), associatedData);
            return dataKey.getPrimitive(RegistryConfiguration.get(), Aead.class)
                    .decrypt(base64.decode(sealed.ciphertext()), associatedData);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadableException(what);
        }
    }

    private void verifyCanary(VaultCanaryRepository canary, Clock clock) {
        byte[] probe = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(probe, open(seal(probe, CANARY_BINDING), CANARY_BINDING, "the self-test"))) {
            throw new IllegalStateException(master.source() + " failed the vault's seal/open self-test");
        }
        SealedSecret stored = canary.find().orElse(null);
        if (stored == null) {
            if (canary.insert(seal(probe, CANARY_BINDING), clock.instant())) {
                return;
            }
            stored = canary.find().orElseThrow();
        }
        try {
            open(stored, CANARY_BINDING, "the vault canary");
        } catch (SecretUnreadableException e) {
            throw new IllegalStateException(master.source()
                    + " cannot open the credentials this database already holds: they were sealed under another "
                    + "master keyset. Every sync instance sharing a database must use the same keyset (set "
                    + MasterKeyset.PROPERTY + " to it, or restore the master-keyset.json it was generated into)");
        }
    }
}
