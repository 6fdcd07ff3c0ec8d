package io.leeward.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The architecture as tests: module direction, no package cycles, the rules of CONVENTIONS.md. */
@DisplayName("The architecture")
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.leeward");
    }

    static Stream<Arguments> modules() {
        return Stream.of(
                Arguments.of("graph-model", "io.leeward.graph..", new String[] {
                    "io.leeward.loaders..",
                    "io.leeward.queries..",
                    "io.leeward.attackpaths..",
                    "io.leeward.graphql..",
                    "io.leeward.app.."
                }),
                Arguments.of("loaders", "io.leeward.loaders..", new String[] {
                    "io.leeward.queries..", "io.leeward.attackpaths..", "io.leeward.graphql..", "io.leeward.app.."
                }),
                Arguments.of("queries", "io.leeward.queries..", new String[] {
                    "io.leeward.loaders..", "io.leeward.attackpaths..", "io.leeward.graphql..", "io.leeward.app.."
                }),
                Arguments.of("attack-paths", "io.leeward.attackpaths..", new String[] {
                    "io.leeward.loaders..", "io.leeward.graphql..", "io.leeward.app.."
                }),
                Arguments.of(
                        "graphql", "io.leeward.graphql..", new String[] {"io.leeward.loaders..", "io.leeward.app.."}));
    }

    @ParameterizedTest(name = "{0} depends only on modules below it")
    @MethodSource("modules")
    void moduleDirection(String module, String packages, String[] forbidden) {
        noClasses()
                .that()
                .resideInAPackage(packages)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .because(module + " sits below them in the module table of DESIGN.md")
                .allowEmptyShould(module.equals("attack-paths"))
                .check(classes);
    }

    @Test
    @DisplayName("packages have no dependency cycles")
    void noCycles() {
        slices().matching("io.leeward.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("only the Neo4j adapter uses the driver, and only the embedded bootstrap the database itself")
    void driverStaysInAdapter() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.leeward.graph.neo4j..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.neo4j.driver..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages("io.leeward.graph.embedded..", "io.leeward.graph.neo4j..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.neo4j.dbms..", "org.neo4j.graphdb..", "org.neo4j.kernel..", "org.neo4j.configuration..")
                .check(classes);
    }

    @Test
    @DisplayName("case conversion names its locale")
    void localeForCase() {
        noClasses()
                .should()
                .callMethod(String.class, "toLowerCase")
                .orShould()
                .callMethod(String.class, "toUpperCase")
                .because("toLowerCase() without Locale.ROOT breaks on a Turkish default locale")
                .check(classes);
    }

    @Test
    @DisplayName("nothing prints a stack trace or writes to System.out outside the CLI")
    void noStrayOutput() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.leeward.app.cli..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }
}
