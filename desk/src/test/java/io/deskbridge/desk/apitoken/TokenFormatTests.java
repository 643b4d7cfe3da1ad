package io.deskbridge.desk.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TokenFormatTests {

    @Nested
    class Generating {

        @Test
        void shouldProduceDskPrefixed42CharacterBase62Tokens() {
            String token = TokenFormat.generate();
            assertThat(token).hasSize(42).startsWith("dsk_").matches("dsk_[0-9A-Za-z]{38}");
        }

        @Test
        void shouldNeverContainAColonBecauseTheRubyClientSplitsOnIt() {
            for (int i = 0; i < 1000; i++) {
                assertThat(TokenFormat.generate()).doesNotContain(":");
            }
        }

        @Test
        void shouldNotRepeatValues() {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 10_000; i++) {
                assertThat(seen.add(TokenFormat.generate())).isTrue();
            }
        }

        @Test
        void shouldPassItsOwnChecksum() {
            for (int i = 0; i < 1000; i++) {
                assertThat(TokenFormat.isWellFormed(TokenFormat.generate())).isTrue();
            }
        }
    }

    @Nested
    class Checking {

        /** The verifier's byte path must decide exactly as the string path, for every kind of value. */
        @Test
        void shouldDecideTheSameOnAsciiBytesAsOnTheString() {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String token = TokenFormat.generate();
                values.add(token);
                char c = token.charAt(4 + i % 38);
                values.add(token.substring(0, 4 + i % 38) + (c == 'x' ? 'y' : 'x') + token.substring(5 + i % 38));
            }
            String token = TokenFormat.generate();
            values.add("dsq_" + token.substring(4));
            values.add(token.substring(0, 41));
            values.add(token + "a");
            values.add(token.substring(0, 20) + "é" + token.substring(21));
            values.add(token.substring(0, 20) + "-" + token.substring(21));
            values.add(TokenFormat.generate("zdo_"));
            for (String value : values) {
                assertThat(TokenFormat.isWellFormedAscii(value.getBytes(StandardCharsets.US_ASCII)))
                        .as(value)
                        .isEqualTo(TokenFormat.isWellFormed(value));
            }
            assertThat(values.stream().filter(TokenFormat::isWellFormed)).hasSize(200);
        }

        @Test
        void shouldRejectAValueWhoseChecksumDoesNotMatch() {
            String token = TokenFormat.generate();
            char last = token.charAt(41);
            String corrupted = token.substring(0, 41) + (last == 'a' ? 'b' : 'a');
            assertThat(TokenFormat.isWellFormed(corrupted)).isFalse();
        }

        @Test
        void shouldRejectAChangedRandomPart() {
            String token = TokenFormat.generate();
            char c = token.charAt(10);
            String changed = token.substring(0, 10) + (c == 'x' ? 'y' : 'x') + token.substring(11);
            assertThat(TokenFormat.isWellFormed(changed)).isFalse();
        }

        @Test
        void shouldRejectWrongShapes() {
            assertThat(TokenFormat.isWellFormed(null)).isFalse();
            assertThat(TokenFormat.isWellFormed("")).isFalse();
            assertThat(TokenFormat.isWellFormed("ghp_" + TokenFormat.generate().substring(4)))
                    .isFalse();
            assertThat(TokenFormat.isWellFormed(TokenFormat.generate() + "x")).isFalse();
            assertThat(TokenFormat.isWellFormed("dsk_" + "-".repeat(38))).isFalse();
        }

        @Test
        void shouldComputeTheKnownChecksumOfAFixedBody() {
            // CRC32("0123456789abcdefghijABCDEFGHIJ01") as 6 base62 digits, computed independently.
            long crc = new java.util.zip.CRC32() {
                {
                    update("0123456789abcdefghijABCDEFGHIJ01".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }.getValue();
            StringBuilder expected = new StringBuilder();
            String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            for (int i = 0; i < 6; i++) {
                expected.insert(0, alphabet.charAt((int) (crc % 62)));
                crc /= 62;
            }
            assertThat(TokenFormat.checksum("0123456789abcdefghijABCDEFGHIJ01")).isEqualTo(expected.toString());
        }
    }

    @Test
    void shouldMaskAsPrefixEllipsisAndLastFour() {
        String token = TokenFormat.generate();
        assertThat(TokenFormat.masked(TokenFormat.hint(token))).isEqualTo("dsk_…" + token.substring(38));
    }
}
