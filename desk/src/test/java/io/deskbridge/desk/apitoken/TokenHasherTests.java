package io.deskbridge.desk.apitoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenHasherTests {

    @TempDir
    Path dataDir;

    private static ApiTokenProperties properties(String pepper, int version, Map<Integer, String> previous) {
        return new ApiTokenProperties(
                pepper, version, previous, 256, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofDays(7));
    }

    @Test
    void shouldGenerateThePepperFileOwnerReadableOnlyAndReuseIt() throws Exception {
        TokenHasher first = new TokenHasher(properties("", 1, Map.of()), dataDir);
        Path file = dataDir.resolve("token-pepper");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        TokenHasher second = new TokenHasher(properties("", 1, Map.of()), dataDir);
        assertThat(second.hash("dsk_x")).isEqualTo(first.hash("dsk_x"));
    }

    @Test
    void shouldProduceHmacSha256HexThatDependsOnThePepper() {
        String pepperA = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] b = new byte[32];
        b[0] = 1;
        String pepperB = Base64.getEncoder().encodeToString(b);
        TokenHasher a = new TokenHasher(properties(pepperA, 1, Map.of()), dataDir);
        TokenHasher other = new TokenHasher(properties(pepperB, 1, Map.of()), dataDir);
        assertThat(a.hash("dsk_value")).hasSize(64).matches("[0-9a-f]{64}").isNotEqualTo(other.hash("dsk_value"));
    }

    @Test
    void shouldTryThePreviousPepperAfterTheCurrentOne() {
        String old = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] b = new byte[32];
        b[5] = 9;
        String current = Base64.getEncoder().encodeToString(b);
        TokenHasher before = new TokenHasher(properties(old, 1, Map.of()), dataDir);
        TokenHasher after = new TokenHasher(properties(current, 2, Map.of(1, old)), dataDir);
        assertThat(after.candidateHashes("dsk_t")).containsExactly(after.hash("dsk_t"), before.hash("dsk_t"));
    }

    @Test
    void shouldRefuseAShortPepperNamingTheProperty() {
        String shortPepper = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new TokenHasher(properties(shortPepper, 1, Map.of()), dataDir))
                .hasMessage(
                        "desk.tokens.pepper (DESK_TOKEN_PEPPER) decodes to 16 bytes; it needs at least 32 random bytes"
                                + " (generate one with: openssl rand -base64 32)");
    }

    @Test
    void shouldRefuseAPepperThatIsNotBase64() {
        assertThatThrownBy(() -> new TokenHasher(properties("not base64!!", 1, Map.of()), dataDir))
                .hasMessage("desk.tokens.pepper (DESK_TOKEN_PEPPER) is not valid base64");
    }
}
