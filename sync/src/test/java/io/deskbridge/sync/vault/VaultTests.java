package io.deskbridge.sync.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTests {

    private static final byte[] SECRET = "{\"token\":\"zd-token-0123456789\"}".getBytes(StandardCharsets.UTF_8);

    private final Vault vault = Vault.ofMasterKeysetJson(Vault.newMasterKeysetJson());

    @Nested
    class Sealing {

        @Test
        void shouldOpenWhatItSealedForTheSameConnectionAndVersion() {
            SealedSecret sealed = vault.seal(SECRET, new CredentialBinding(7, 1));
            assertThat(vault.open(sealed, new CredentialBinding(7, 1))).isEqualTo(SECRET);
        }

        @Test
        void shouldStoreNeitherTheSecretNorItsBase64() {
            SealedSecret sealed = vault.seal(SECRET, new CredentialBinding(7, 1));
            String base64 = Base64.getEncoder().encodeToString(SECRET);
            assertThat(sealed.ciphertext() + sealed.wrappedKey())
                    .doesNotContain("zd-token-0123456789")
                    .doesNotContain(base64.substring(0, 20));
        }

        @Test
        void shouldUseAFreshDataKeyForEverySeal() {
            SealedSecret first = vault.seal(SECRET, new CredentialBinding(7, 1));
            SealedSecret second = vault.seal(SECRET, new CredentialBinding(7, 1));
            assertThat(second.wrappedKey()).isNotEqualTo(first.wrappedKey());
            assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
            assertThat(second.masterKeyId()).isEqualTo(first.masterKeyId()).isPositive();
        }

        @Test
        void shouldNotOpenForAnotherConnection() {
            SealedSecret sealed = vault.seal(SECRET, new CredentialBinding(7, 1));
            assertThatThrownBy(() -> vault.open(sealed, new CredentialBinding(8, 1)))
                    .isInstanceOf(SecretUnreadableException.class)
                    .hasMessage("The stored credential of connection 8 (credential version 1) does not open: it was "
                            + "sealed for another connection or credential version, or under another master key");
        }

        @Test
        void shouldNotOpenForAnotherVersion() {
            SealedSecret sealed = vault.seal(SECRET, new CredentialBinding(7, 1));
            assertThatThrownBy(() -> vault.open(sealed, new CredentialBinding(7, 2)))
                    .isInstanceOf(SecretUnreadableException.class);
        }

        @Test
        void shouldNotOpenWhenTheDataKeyOfAnotherCredentialIsSwappedIn() {
            SealedSecret mine = vault.seal(SECRET, new CredentialBinding(7, 1));
            SealedSecret other = vault.seal(SECRET, new CredentialBinding(8, 1));
            SealedSecret swapped = new SealedSecret(mine.masterKeyId(), other.wrappedKey(), mine.ciphertext());
            assertThatThrownBy(() -> vault.open(swapped, new CredentialBinding(7, 1)))
                    .isInstanceOf(SecretUnreadableException.class);
        }

        @Test
        void shouldNotOpenUnderAnotherMasterKey() {
            SealedSecret sealed = vault.seal(SECRET, new CredentialBinding(7, 1));
            Vault other = Vault.ofMasterKeysetJson(Vault.newMasterKeysetJson());
            assertThatThrownBy(() -> other.open(sealed, new CredentialBinding(7, 1)))
                    .isInstanceOf(SecretUnreadableException.class);
        }

        @Test
        void shouldNotOpenATamperedCiphertext() {
            SealedSecret sealed = vault.seal(SECRET, new CredentialBinding(7, 1));
            byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
            bytes[bytes.length - 1] ^= 1;
            SealedSecret tampered = new SealedSecret(
                    sealed.masterKeyId(),
                    sealed.wrappedKey(),
                    Base64.getEncoder().encodeToString(bytes));
            assertThatThrownBy(() -> vault.open(tampered, new CredentialBinding(7, 1)))
                    .isInstanceOf(SecretUnreadableException.class);
        }
    }

    @Nested
    class MasterKeyFromTheProperty {

        @TempDir
        Path dataDir;

        @Test
        void shouldAcceptBase64OfATinkJsonKeyset() {
            String json = Vault.newMasterKeysetJson();
            MasterKeyset master = MasterKeyset.load(base64(json), dataDir);
            assertThat(master.source()).isEqualTo("sync.vault.master-key (SYNC_MASTER_KEY)");
            assertThat(dataDir.resolve("master-keyset.json")).doesNotExist();
            SealedSecret sealed = Vault.ofMasterKeysetJson(json).seal(SECRET, new CredentialBinding(1, 1));
            assertThat(Vault.ofMasterKeysetJson(json).open(sealed, new CredentialBinding(1, 1)))
                    .isEqualTo(SECRET);
        }

        @Test
        void shouldRefuseRawJson() {
            assertThatThrownBy(() -> MasterKeyset.load(Vault.newMasterKeysetJson(), dataDir))
                    .hasMessage("sync.vault.master-key (SYNC_MASTER_KEY) must be base64 of a Tink JSON keyset; it "
                            + "looks like raw JSON (encode it with: base64 -w0 keyset.json)");
        }

        @Test
        void shouldRefuseWhatIsNotBase64() {
            assertThatThrownBy(() -> MasterKeyset.load("not*base64!", dataDir))
                    .hasMessage("sync.vault.master-key (SYNC_MASTER_KEY) is not valid base64 (it must be base64 of "
                            + "a Tink JSON keyset)");
        }

        @Test
        void shouldRefuseBase64OfSomethingElseWithoutQuotingIt() {
            assertThatThrownBy(() -> MasterKeyset.load(base64("{\"primaryKeyId\": 1, \"key\": \"s3cret\"}"), dataDir))
                    .hasMessage("sync.vault.master-key (SYNC_MASTER_KEY) is not a Tink JSON keyset (generate one "
                            + "with: tinkey create-keyset --key-template AES256_GCM --out-format json, then base64 "
                            + "-w0 it)")
                    .hasNoCause();
        }

        @Test
        void shouldRefuseAKeysetWhosePrimaryKeyIsNotAes256Gcm() throws Exception {
            AeadConfig.register();
            String aes128 = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM), InsecureSecretKeyAccess.get());
            assertThatThrownBy(() -> MasterKeyset.load(base64(aes128), dataDir))
                    .hasMessageStartingWith("sync.vault.master-key (SYNC_MASTER_KEY): the primary key must be "
                            + "AES-256-GCM (Tink AES256_GCM); it is ");
        }
    }

    @Nested
    class MasterKeyFile {

        @TempDir
        Path dataDir;

        @Test
        void shouldGenerateAnOwnerOnlyKeysetOnFirstStartAndReuseIt() throws Exception {
            MasterKeyset first = MasterKeyset.load("", dataDir.resolve("nested"));
            Path file = dataDir.resolve("nested/master-keyset.json");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(file)).contains("type.googleapis.com/google.crypto.tink.AesGcmKey");
            assertThat(first.source()).isEqualTo("the master keyset file " + file.toAbsolutePath());

            MasterKeyset again = MasterKeyset.load(null, dataDir.resolve("nested"));
            assertThat(again.primaryKeyId()).isEqualTo(first.primaryKeyId());
            assertThat(Files.list(dataDir.resolve("nested"))).hasSize(1);
        }

        @Test
        void shouldRefuseAKeysetFileOtherUsersCanRead() throws Exception {
            MasterKeyset.load(null, dataDir);
            Path file = dataDir.resolve("master-keyset.json");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            assertThatThrownBy(() -> MasterKeyset.load(null, dataDir))
                    .hasMessage("The master keyset file " + file.toAbsolutePath()
                            + " is accessible to other users (rw-r--r--); restrict it with: chmod 600 "
                            + file.toAbsolutePath());
        }

        @Test
        void shouldNameTheFileWhenItIsNotAKeyset() throws Exception {
            Path file = dataDir.resolve("master-keyset.json");
            Files.writeString(file, "{}");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            assertThatThrownBy(() -> MasterKeyset.load(" ", dataDir))
                    .hasMessageStartingWith(
                            "the master keyset file " + file.toAbsolutePath() + " is not a Tink JSON keyset");
        }
    }

    @Test
    void shouldNotPrintTheMasterKeyInToString() {
        assertThat(new VaultProperties("c2VjcmV0").toString()).isEqualTo("VaultProperties[masterKey=(set)]");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
