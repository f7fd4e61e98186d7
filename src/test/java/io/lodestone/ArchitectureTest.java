package io.lodestone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of docs/architecture.md, checked on the compiled classes: commands and the
 * HTTP server go through {@link Lodestone}; Lodestone drives engine, facts and report; everything
 * speaks api; Drools stays in engine; there are no package cycles.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lodestone");
    }

    @Test
    void layersDependDownwardOnly() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("cli")
                .definedBy("io.lodestone.cli..")
                .layer("server")
                .definedBy("io.lodestone.server..")
                .layer("verify")
                .definedBy("io.lodestone.verify..")
                .layer("facade")
                .definedBy("io.lodestone")
                .layer("engine")
                .definedBy("io.lodestone.engine..")
                .layer("facts")
                .definedBy("io.lodestone.facts..")
                .layer("report")
                .definedBy("io.lodestone.report..")
                .layer("output")
                .definedBy("io.lodestone.output..")
                .layer("api")
                .definedBy("io.lodestone.api..")
                .whereLayer("cli")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("server")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("verify")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("facade")
                .mayOnlyBeAccessedByLayers("cli", "server", "verify")
                .whereLayer("output")
                .mayOnlyBeAccessedByLayers("cli", "server")
                // the loader binds JSON to the types the rules declare (engine.DeclaredType); never the reverse
                .whereLayer("engine")
                .mayOnlyBeAccessedByLayers("facade", "facts")
                .whereLayer("facts")
                .mayOnlyBeAccessedByLayers("facade")
                .whereLayer("report")
                .mayOnlyBeAccessedByLayers("facade")
                .check(classes);
    }

    @Test
    void apiDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("io.lodestone.api..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("io.lodestone.api..", "java..")
                .check(classes);
    }

    @Test
    void droolsAndKieStayInTheEngine() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.lodestone.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.drools..", "org.kie..")
                .check(classes);
    }

    @Test
    void jacksonOnlyWhereJsonIsReadOrWritten() {
        // engine reads params.json, facts reads fact sets, verify reads expectations, output writes every document
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.lodestone.engine..",
                        "io.lodestone.facts..",
                        "io.lodestone.verify..",
                        "io.lodestone.output..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.lodestone.(*)..").should().beFreeOfCycles().check(classes);
    }
}
