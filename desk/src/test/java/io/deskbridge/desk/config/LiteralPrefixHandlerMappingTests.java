package io.deskbridge.desk.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.config.LiteralPrefixHandlerMapping.PrefixFilteredMapping;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class LiteralPrefixHandlerMappingTests {

    private static final RequestMappingInfo.BuilderConfiguration PATTERNS =
            new RequestMappingInfo.BuilderConfiguration();

    static {
        PATTERNS.setPatternParser(new PathPatternParser());
    }

    @Test
    void shouldCutEachPatternAtItsFirstVariableOrWildcard() {
        assertThat(PrefixFilteredMapping.literalPrefix("/api/v2/tickets/{id}")).isEqualTo("/api/v2/tickets/");
        assertThat(PrefixFilteredMapping.literalPrefix("/api/v2/tickets")).isEqualTo("/api/v2/tickets");
        assertThat(PrefixFilteredMapping.literalPrefix("/api/v2/channels/voice/**"))
                .isEqualTo("/api/v2/channels/voice/");
        assertThat(PrefixFilteredMapping.literalPrefix("/api/v2/{kind:macros|views}/{id}"))
                .isEqualTo("/api/v2/");
        assertThat(PrefixFilteredMapping.literalPrefix("/files/t?st")).isEqualTo("/files/t");
    }

    @Test
    void shouldKeepOnePrefixPerPatternAndAnEmptyOneForAMappingWithoutPaths() {
        RequestMappingInfo two = RequestMappingInfo.paths("/api/v2/users/{id}", "/api/v2/end_users/{id}")
                .options(PATTERNS)
                .build();
        RequestMappingInfo none = RequestMappingInfo.paths().options(PATTERNS).build();

        assertThat(PrefixFilteredMapping.prefixes(two))
                .containsExactlyInAnyOrder("/api/v2/users/", "/api/v2/end_users/");
        // Spring gives a mapping without paths the pattern "": its prefix lets every path through.
        assertThat(PrefixFilteredMapping.prefixes(none)).containsExactly("");
    }
}
