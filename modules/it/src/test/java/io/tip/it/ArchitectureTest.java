package io.tip.it;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module cut, checked on the compiled classes of every module so the next change cannot quietly
 * undo it. Imports run one way: contracts ← rules ← notes / engine ← app, with the dev stack and the
 * bench beside the app; a module's {@code internal} packages are its own.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // rules look at package names only: resolving every referenced Kafka/Scala class took ~40 s
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tip");
    }

    @Test
    void everyModuleIsImported() {
        // guards the rules below against passing on an empty import
        for (String pkg : new String[] {"io.tip.model", "io.tip.registry.serde", "io.tip.rules", "io.tip.notes",
                "io.tip.engine", "io.tip.devstack", "io.tip.bench", "io.tip.app"}) {
            assertThat(classes.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void modulesDependOnEachOtherOneWay() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Contracts").definedBy("io.tip.model..", "io.tip.registry..")
                .layer("Rules").definedBy("io.tip.rules..")
                .layer("Notes").definedBy("io.tip.notes..")
                .layer("Engine").definedBy("io.tip.engine..")
                .layer("Devstack").definedBy("io.tip.devstack..")
                .layer("Bench").definedBy("io.tip.bench..")
                .layer("App").definedBy("io.tip.app..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Bench").mayNotBeAccessedByAnyLayer()
                .whereLayer("Devstack").mayOnlyBeAccessedByLayers("App", "Bench")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("App", "Bench")
                .whereLayer("Notes").mayOnlyBeAccessedByLayers("App", "Bench")
                .whereLayer("Rules").mayOnlyBeAccessedByLayers("Notes", "Engine", "App", "Bench")
                .whereLayer("Contracts").mayOnlyBeAccessedByLayers("Rules", "Notes", "Engine", "Devstack", "Bench", "App");
        rule.check(classes);
    }

    @Test
    void contractsStayAClient() {
        noClasses().that().resideInAnyPackage("io.tip.model..", "io.tip.registry..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.kafka.streams..", "kafka..", "org.apache.kafka.server..", "scala..",
                        "org.eclipse.jetty..", "io.javalin..")
                .because("producers and consumers depend on tip-contracts alone")
                .check(classes);
    }

    @Test
    void engineInternalsAreTheEngines() {
        noClasses().that().resideOutsideOfPackages("io.tip.engine..", "io.tip.bench.jmh..")
                .should().dependOnClassesThat().resideInAPackage("io.tip.engine.internal..")
                .because("the engine's public API is io.tip.engine; only JMH micro-benchmarks measure its steps directly")
                .check(classes);
    }

    @Test
    void notesInternalsAreTheNotes() {
        noClasses().that().resideOutsideOfPackage("io.tip.notes..")
                .should().dependOnClassesThat().resideInAPackage("io.tip.notes.internal..")
                .check(classes);
    }

    @Test
    void engineStepsAreFreeOfKafkaTypes() {
        // matching, propagation, subscription routing, the state fold and validation are pure logic; only the processors touch Kafka
        noClasses().that().resideInAnyPackage("io.tip.engine.internal.impact..", "io.tip.engine.internal.knowledge..", "io.tip.engine.internal.route..",
                        "io.tip.engine.internal.state..", "io.tip.engine.internal.validate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
                .check(classes);
    }
}
