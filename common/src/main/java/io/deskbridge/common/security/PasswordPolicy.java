package io.deskbridge.common.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (issue 10, item 5): at least 12 characters, at most 72 bytes
 * in UTF-8 (bcrypt reads no further, and Spring's encoder refuses longer ones), not the user's
 * email or the part before its '@', and not one of a short list of the passwords tried first by
 * every guessing tool. Deliberately simple: length does most of the work, and the throttle limits
 * guessing. desk's account owner and sync's operators follow the same rules.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    /** The most common passwords of at least 12 characters (public breach-corpus top lists). */
    private static final Set<String> COMMON = Set.of(
            "123456789012",
            "1234567890123",
            "12345678910",
            "password1234",
            "password12345",
            "passwordpassword",
            "qwertyuiopasdfgh",
            "qwertyuiop123",
            "qwerty123456",
            "1q2w3e4r5t6y",
            "1qaz2wsx3edc",
            "zaq12wsxcde3",
            "iloveyou1234",
            "welcome12345",
            "administrator",
            "changeme1234",
            "letmein12345",
            "111111111111",
            "000000000000",
            "123123123123",
            "abcdefghijkl",
            "abc123456789",
            "trustno1trustno1",
            "deskbridge123",
            "deskbridgesync",
            "operator1234");

    private PasswordPolicy() {}

    /** The rule the password breaks, in words for the person choosing it; empty when it is acceptable. */
    public static Optional<String> problemWith(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("The new password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("The new password must be at most " + MAX_BYTES
                    + " bytes in UTF-8 (72 plain letters or digits; fewer accented or other letters).");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        String mail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String local = mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : mail;
        if (lower.equals(mail) || lower.equals(local)) {
            return Optional.of("The new password must not be your email address or the part before its @.");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("The new password is one of the most common passwords; choose another.");
        }
        return Optional.empty();
    }
}
