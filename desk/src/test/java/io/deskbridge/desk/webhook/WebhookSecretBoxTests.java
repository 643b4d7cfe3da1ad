package io.deskbridge.desk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.secret.SecretBox;
import io.deskbridge.desk.secret.SecretUnreadableException;
import org.junit.jupiter.api.Test;

/** The secret store webhooks keep their signing secrets and credentials in. */
class WebhookSecretBoxTests {

    private final SecretBox box = SecretBox.ofKeysetJson(SecretBox.newKeysetJson());

    @Test
    void shouldOpenWhatItSealedForTheSameContext() {
        String sealed = box.seal("s3cret", "webhook:7:signing_secret");
        assertThat(sealed).doesNotContain("s3cret");
        assertThat(box.open(sealed, "webhook:7:signing_secret")).isEqualTo("s3cret");
    }

    @Test
    void shouldSealTheSameSecretDifferentlyEachTime() {
        assertThat(box.seal("s3cret", "c")).isNotEqualTo(box.seal("s3cret", "c"));
    }

    @Test
    void shouldRefuseACiphertextMovedToAnotherWebhookOrColumn() {
        String sealed = box.seal("s3cret", "webhook:7:signing_secret");
        assertThatThrownBy(() -> box.open(sealed, "webhook:8:signing_secret"))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessage("The stored secret for webhook:8:signing_secret does not open with this keyset"
                        + " (sealed for another record, or under another keyset)");
        assertThatThrownBy(() -> box.open(sealed, "webhook:7:authentication"))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void shouldRefuseWhatAnotherKeysetSealed() {
        SecretBox other = SecretBox.ofKeysetJson(SecretBox.newKeysetJson());
        String sealed = other.seal("s3cret", "c");
        assertThatThrownBy(() -> box.open(sealed, "c")).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void shouldGenerateAnAes256GcmKeyset() {
        assertThat(SecretBox.newKeysetJson())
                .contains("type.googleapis.com/google.crypto.tink.AesGcmKey")
                .contains("\"primaryKeyId\"");
    }

    @Test
    void shouldRefuseAKeysetThatIsNotTinkJson() {
        assertThatThrownBy(() -> SecretBox.ofKeysetJson("{\"not\":\"a keyset\"}"))
                .hasMessageStartingWith("the given keyset is not a usable Tink JSON keyset of AEAD keys");
    }
}
