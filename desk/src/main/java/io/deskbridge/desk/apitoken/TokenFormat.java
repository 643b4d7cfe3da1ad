package io.deskbridge.desk.apitoken;

import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * Token values: {@code dsk_} + 32 base62 characters from a CSPRNG (about 190 bits) + a 6-character
 * base62 CRC32 of those 32, GitHub-style. The prefix lets secret scanners recognise the token, the
 * checksum lets them (and desk) reject look-alikes without a lookup, base62 keeps it one double-click
 * wide, and there is never a {@code :} (the Ruby client splits credentials on it).
 */
public final class TokenFormat {

    public static final String PREFIX = "dsk_";
    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFormat() {}

    /** A fresh token value. */
    public static String generate() {
        return generate(PREFIX);
    }

    /**
     * A fresh value with another prefix in the same shape (OAuth access and refresh tokens, client
     * secrets), so secret scanners and {@link #isWellFormed(String, String)} recognise those too.
     */
    public static String generate(String prefix) {
        char[] random = new char[RANDOM_LENGTH];
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            random[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        String body = new String(random);
        return prefix + body + checksum(body);
    }

    /** True when the value has the shape and a matching checksum; costs no lookup. */
    public static boolean isWellFormed(String value) {
        return isWellFormed(value, PREFIX);
    }

    /** {@link #isWellFormed(String)} for a value made by {@link #generate(String)} with {@code prefix}. */
    public static boolean isWellFormed(String value, String prefix) {
        int length = prefix.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
        if (value == null || value.length() != length || !value.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < length; i++) {
            if (!isBase62(value.charAt(i))) {
                return false;
            }
        }
        String body = value.substring(prefix.length(), prefix.length() + RANDOM_LENGTH);
        return value.endsWith(checksum(body));
    }

    /**
     * {@link #isWellFormed(String)} for a value already read as ASCII bytes (non-ASCII characters
     * became {@code '?'}, which is not base62): the verifiers' hot path, with the checksum computed
     * over the bytes in one call instead of character by character.
     */
    static boolean isWellFormedAscii(byte[] value) {
        return isWellFormedAscii(value, PREFIX);
    }

    /** {@link #isWellFormedAscii(byte[])} for a value made by {@link #generate(String)} with {@code prefix}. */
    public static boolean isWellFormedAscii(byte[] value, String prefix) {
        int prefixLength = prefix.length();
        int length = prefixLength + RANDOM_LENGTH + CHECKSUM_LENGTH;
        if (value.length != length) {
            return false;
        }
        for (int i = 0; i < prefixLength; i++) {
            if (value[i] != prefix.charAt(i)) {
                return false;
            }
        }
        for (int i = prefixLength; i < length; i++) {
            if (!isBase62((char) value[i])) {
                return false;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(value, prefixLength, RANDOM_LENGTH);
        long checksum = crc.getValue();
        for (int i = length - 1; i >= length - CHECKSUM_LENGTH; i--) {
            if (value[i] != ALPHABET[(int) (checksum % 62)]) {
                return false;
            }
            checksum /= 62;
        }
        return true;
    }

    /** What the token list shows instead of the value: {@code dsk_…} and the last four characters. */
    public static String hint(String value) {
        return value.substring(value.length() - 4);
    }

    public static String masked(String hint) {
        return PREFIX + "…" + hint;
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < body.length(); i++) {
            crc.update(body.charAt(i));
        }
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (value % 62)];
            value /= 62;
        }
        return new String(out);
    }

    private static boolean isBase62(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
