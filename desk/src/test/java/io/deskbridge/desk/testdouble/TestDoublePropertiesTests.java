package io.deskbridge.desk.testdouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestDoublePropertiesTests {

    @Test
    void shouldBeOffWithoutAKeyByDefault() {
        TestDoubleProperties properties = new TestDoubleProperties(false, " ");

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.key()).isNull();
    }

    @Test
    void shouldRefuseAShortKeyNamingTheProperty() {
        assertThatThrownBy(() -> new TestDoubleProperties(true, "short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("desk.test-double.key (DESK_TEST_DOUBLE_KEY) is 5 characters long; use at least 32"
                        + " random characters, or leave it unset and call /_desk/ as an admin");
    }

    @Test
    void shouldRefuseAKeyWhileTheTestDoubleIsOff() {
        assertThatThrownBy(() -> new TestDoubleProperties(false, "k".repeat(40)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("desk.test-double.key (DESK_TEST_DOUBLE_KEY) is set but desk.test-double.enabled is"
                        + " not true; set both, or neither");
    }
}
