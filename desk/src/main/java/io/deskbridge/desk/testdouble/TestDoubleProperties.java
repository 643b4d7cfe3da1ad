package io.deskbridge.desk.testdouble;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * desk as a test double for integration suites (issue 15): the {@code /_desk/} API (reset, fixtures,
 * snapshots, fault injection). Off unless {@code desk.test-double.enabled=true}; while off every
 * {@code /_desk/} path answers 404 and no fault is ever injected.
 *
 * @param enabled {@code desk.test-double.enabled} / {@code DESK_TEST_DOUBLE_ENABLED}
 * @param key {@code desk.test-double.key} / {@code DESK_TEST_DOUBLE_KEY}: optional; when set, a request
 *     carrying it in {@code X-Desk-Test-Double-Key} may use {@code /_desk/} without an admin's
 *     credentials (for a suite that must not hold the owner's password). At least 32 characters.
 */
@ConfigurationProperties("desk.test-double")
public record TestDoubleProperties(boolean enabled, String key) {

    public static final String KEY_HEADER = "X-Desk-Test-Double-Key";
    static final int KEY_MIN_LENGTH = 32;

    public TestDoubleProperties {
        if (key != null && key.isBlank()) {
            key = null;
        }
        if (key != null && key.length() < KEY_MIN_LENGTH) {
            throw new IllegalArgumentException("desk.test-double.key (DESK_TEST_DOUBLE_KEY) is " + key.length()
                    + " characters long; use at least " + KEY_MIN_LENGTH + " random characters, or leave it unset and"
                    + " call /_desk/ as an admin");
        }
        if (key != null && !enabled) {
            throw new IllegalArgumentException("desk.test-double.key (DESK_TEST_DOUBLE_KEY) is set but"
                    + " desk.test-double.enabled is not true; set both, or neither");
        }
    }
}
