package io.deskbridge.desk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Capability packages talk through their public faces only, without cycles. Where SQL may live and
 * what may go on the wire: ArchitectureRulesTests.
 */
class ModularityTests {

    private final JavaClasses desk = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.deskbridge.desk");

    @Test
    void shouldKeepCapabilityBoundaries() {
        ApplicationModules.of(DeskApplication.class).verify();
    }

    @Test
    void shouldNotLetCapabilitiesDependOnWiring() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.deskbridge.desk.config..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.deskbridge.desk.config..")
                .check(desk);
    }
}
