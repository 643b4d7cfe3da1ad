package io.deskbridge.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fixtures to load after the reset, as class-path resources holding desk's fixture JSON ({@code
 * POST /_desk/fixtures}: organizations, users, api_tokens, tickets with comments, generate_tickets).
 * On the class they apply to every test, before the method's own. The first test that needs a set of
 * fixtures loads it and saves it as a snapshot; later tests restore that snapshot instead, which is
 * much faster than loading again.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DeskFixture {

    /** Class-path resources, e.g. {@code "fixtures/acme.json"}. */
    String[] value();
}
