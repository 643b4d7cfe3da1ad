package io.deskbridge.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private static final String EMAIL = "Operator.One@deskbridge.test";

    @Test
    void shouldAcceptALongUncommonPassword() {
        assertThat(PasswordPolicy.problemWith("correct horse battery", EMAIL)).isEmpty();
    }

    @Test
    void shouldRefuseFewerThanTwelveCharacters() {
        assertThat(PasswordPolicy.problemWith("Elevenchars", EMAIL))
                .contains("The new password must have at least 12 characters.");
    }

    @Test
    void shouldCountCharactersNotUtf16Units() {
        assertThat(PasswordPolicy.problemWith("😀😀😀😀😀😀😀😀😀😀😀", EMAIL)).isPresent();
        assertThat(PasswordPolicy.problemWith("😀😀😀😀😀😀😀😀😀😀😀😀", EMAIL))
                .isEmpty();
    }

    @Test
    void shouldRefuseMoreThanBcryptReads() {
        assertThat(PasswordPolicy.problemWith("é".repeat(37), EMAIL))
                .contains("The new password must be at most 72 bytes in UTF-8 (72 plain letters or digits; fewer"
                        + " accented or other letters).");
        assertThat(PasswordPolicy.problemWith("a".repeat(72), EMAIL)).isEmpty();
    }

    @Test
    void shouldRefuseTheEmailOrItsLocalPartInAnyCase() {
        assertThat(PasswordPolicy.problemWith("operator.one@DESKBRIDGE.test", EMAIL))
                .contains("The new password must not be your email address or the part before its @.");
        assertThat(PasswordPolicy.problemWith("OPERATOR.ONE", "operator.one@x.test"))
                .contains("The new password must not be your email address or the part before its @.");
    }

    @Test
    void shouldRefuseACommonPasswordInAnyCase() {
        assertThat(PasswordPolicy.problemWith("Password1234", EMAIL))
                .contains("The new password is one of the most common passwords; choose another.");
    }
}
