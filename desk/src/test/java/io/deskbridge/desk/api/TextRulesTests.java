package io.deskbridge.desk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTests {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "tab\tline\nreturn\r", "é ж 😀 中文", "mid\ufeffdle", "\u202e\u200b"})
    void shouldAcceptTextDeskCanStore(String text) {
        assertThat(TextRules.problem(text)).isEmpty();
    }

    @Test
    void shouldNameTheControlCharacterAndWhereItIs() {
        assertThat(TextRules.problem("ab\u0000c")).contains("contains the control character U+0000 at position 2");
        assertThat(TextRules.problem("\u007f")).contains("contains the control character U+007F at position 0");
        assertThat(TextRules.problem("x\u001b[31m")).contains("contains the control character U+001B at position 1");
    }

    @Test
    void shouldRefuseUnpairedSurrogatesOnEitherSide() {
        assertThat(TextRules.problem("a\ud800")).contains("contains an unpaired surrogate (U+D800) at position 1");
        assertThat(TextRules.problem("\ud800b")).contains("contains an unpaired surrogate (U+D800) at position 0");
        assertThat(TextRules.problem("\udc00")).contains("contains an unpaired surrogate (U+DC00) at position 0");
        assertThat(TextRules.problem("\ud83d\ude00")).isEmpty();
    }

    @Test
    void shouldRefuseALeadingByteOrderMark() {
        assertThat(TextRules.problem("\ufeffsubject")).contains("starts with a byte order mark (U+FEFF)");
    }

    @Test
    void shouldAnswerRecordInvalidNamingTheFieldWithoutTheValue() {
        assertThatThrownBy(() -> TextRules.check("subject", "secret\u0000value"))
                .isInstanceOfSatisfying(RecordInvalidException.class, e -> {
                    assertThat(e.details()).containsOnlyKeys("subject");
                    assertThat(e.details().get("subject").get(0))
                            .containsEntry("error", "InvalidValue")
                            .containsEntry(
                                    "description", "Subject: contains the control character U+0000 at position 6");
                    assertThat(e.getMessage()).doesNotContain("secret");
                });
    }
}
