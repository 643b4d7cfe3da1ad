package io.deskbridge.sync.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.sync.api.RecordInvalidException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketContextsTests {

    @Nested
    class Terms {

        @Test
        void shouldSplitOnAnythingButLettersAndDigitsInLowerCaseOnce() {
            assertThat(TicketContexts.terms("  Refund, order #77 / REFUND  café"))
                    .containsExactly("refund", "order", "77", "café");
        }

        @Test
        void shouldRefuseABlankQueryNamingTheFix() {
            assertThatThrownBy(() -> TicketContexts.terms("   "))
                    .isInstanceOf(RecordInvalidException.class)
                    .hasMessage("Query: send the words to search for, e.g. ?query=refund");
        }

        @Test
        void shouldRefuseAQueryWithoutWords() {
            assertThatThrownBy(() -> TicketContexts.terms(" %%% "))
                    .isInstanceOf(RecordInvalidException.class)
                    .hasMessage("Query: \"%%%\" has no letters or digits to search for");
        }

        @Test
        void shouldRefuseMoreThanTenWords() {
            assertThatThrownBy(() -> TicketContexts.terms("a b c d e f g h i j k"))
                    .isInstanceOf(RecordInvalidException.class)
                    .hasMessage("Query: at most 10 words; it has 11");
        }
    }

    @Nested
    class Snippet {

        @Test
        void shouldKeepAShortTextWholeOnOneLine() {
            assertThat(TicketContexts.snippet("Please\n  refund   me", "refund"))
                    .isEqualTo("Please refund me");
        }

        @Test
        void shouldCutALongTextAroundTheFirstMatch() {
            String text = "x".repeat(100) + " refund " + "y".repeat(300);
            String snippet = TicketContexts.snippet(text, "refund");

            assertThat(snippet).startsWith("…" + "x".repeat(59) + " refund ").endsWith("y…");
            assertThat(snippet).hasSize(1 + 60 + 6 + 140 + 1);
        }
    }
}
