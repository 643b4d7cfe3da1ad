package io.deskbridge.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that talks to desk as its Zendesk. One desk serves the whole test JVM: started in this
 * process on a random port with an empty in-memory H2 on first use, or, when the system property
 * {@code deskbridge.url} is set, the desk already running there ({@code deskbridge.key} and
 * {@code deskbridge.admin-email} name its test-double key and owner). Before every test the account is
 * reset, faults are cleared and the {@link DeskFixture}s of the class and the method are loaded; a
 * {@link Deskbridge} parameter hands the test the base URL, the owner's email and API token, and the
 * controls (faults, snapshots, fixtures).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DeskbridgeExtension.class)
public @interface DeskbridgeTest {}
