package io.deskbridge.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Capability packages talk through their public faces only, without cycles. */
class ModularityTests {

    private final JavaClasses sync = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.deskbridge.sync");

    @Test
    void shouldKeepCapabilityBoundaries() {
        ApplicationModules.of(SyncApplication.class).verify();
    }

    @Test
    void shouldNotLetCapabilitiesDependOnWiring() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.deskbridge.sync.config..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.deskbridge.sync.config..")
                .check(sync);
    }

    @Test
    void shouldKeepJdbcInRepositories() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Repository")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .check(sync);
    }

    @Test
    void shouldKeepTinkInTheVault() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.deskbridge.sync.vault..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.crypto.tink..")
                .check(sync);
    }
}
