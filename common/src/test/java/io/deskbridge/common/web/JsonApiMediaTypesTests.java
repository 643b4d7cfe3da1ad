package io.deskbridge.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonApiMediaTypesTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=UTF-8",
                "text/plain",
                "application/x-www-form-urlencoded"
            })
    void shouldPassConcreteContentTypes(String type) {
        assertThat(JsonApiMediaTypes.concrete(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "application/", ";", "json", "application/json; charset=nope", ""})
    void shouldRefuseWildcardsAndUnparseableContentTypes(String type) {
        assertThat(JsonApiMediaTypes.concrete(type)).isFalse();
    }
}
