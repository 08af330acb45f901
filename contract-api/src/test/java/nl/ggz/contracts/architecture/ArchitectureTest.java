package nl.ggz.contracts.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout as rules (README "How it is built"): which module may use which, no cycle between packages, no framework
 * in the domain beyond Axon's modelling annotations, and SQL only where the tables are owned. It reads the compiled
 * classes of every module on the application's class path (tests left out), so an import that runs back up fails here.
 */
class ArchitectureTest {

    private static final String ROOT = "nl.ggz.contracts";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void modulesDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .layer("verifier").definedBy(ROOT + ".audit..")
                .layer("domain").definedBy(ROOT + ".domain..")
                .layer("jdbc").definedBy(ROOT + ".jdbc..")
                .layer("event store").definedBy(ROOT + ".eventstore..")
                .layer("write store").definedBy(ROOT + ".writestore..")
                .layer("read models").definedBy(ROOT + ".projections..")
                .layer("webhooks").definedBy(ROOT + ".webhooks..")
                .layer("demo").definedBy(ROOT + ".demo..")
                .layer("application").definedBy(ROOT + ".api..")
                .whereLayer("application").mayNotBeAccessedByAnyLayer()
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("webhooks").mayOnlyBeAccessedByLayers("application")
                .whereLayer("read models").mayOnlyBeAccessedByLayers("webhooks", "application")
                .whereLayer("write store").mayOnlyBeAccessedByLayers("application")
                .whereLayer("event store").mayOnlyBeAccessedByLayers("read models", "webhooks", "demo", "application")
                .whereLayer("jdbc").mayOnlyBeAccessedByLayers("event store", "write store", "read models", "webhooks",
                        "application")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("event store", "write store", "read models", "webhooks",
                        "demo", "application")
                .whereLayer("verifier").mayOnlyBeAccessedByLayers("event store", "application")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    /** Inside the application: the floors (input rules, problems, settings) and the services below the web never reach up. */
    @Test
    void theApplicationsPackagesDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(ROOT + ".api..")
                .layer("wiring").definedBy(ROOT + ".api", ROOT + ".api.config..")
                .layer("web").definedBy(ROOT + ".api.web..")
                .layer("services").definedBy(ROOT + ".api.ingestion..", ROOT + ".api.operations..")
                .layer("security").definedBy(ROOT + ".api.security..", ROOT + ".api.correlation..")
                .layer("floor").definedBy(ROOT + ".api.input..", ROOT + ".api.problem..", ROOT + ".api.settings..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("services").mayOnlyBeAccessedByLayers("web", "wiring")
                .whereLayer("security").mayOnlyBeAccessedByLayers("services", "web", "wiring")
                .whereLayer("floor").mayOnlyBeAccessedByLayers("security", "services", "web", "wiring")
                .check(classes);
    }

    /** The domain knows no web, no SQL, no Spring: only Axon's modelling annotations and Jackson's. */
    @Test
    void theDomainUsesNoFrameworkBeyondAxonsModellingAnnotations() {
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
                        "javax.sql..", "com.fasterxml.jackson.databind..", ROOT + ".jdbc..")
                .check(classes);
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "Axon types other than modelling, handler annotations, deadlines and the command gateway",
                        type -> type.getPackageName().startsWith("org.axonframework")
                                && !type.getPackageName().startsWith("org.axonframework.modelling")
                                && !type.getPackageName().startsWith("org.axonframework.deadline")
                                && !type.getName().equals("org.axonframework.commandhandling.CommandHandler")
                                && !type.getName().equals("org.axonframework.commandhandling.gateway.CommandGateway")
                                && !type.getName().equals("org.axonframework.eventsourcing.EventSourcingHandler")
                                && !type.getName().equals("org.axonframework.eventhandling.EventHandler")
                                && !type.getName().equals("org.axonframework.config.ProcessingGroup")
                                && !type.getName().equals("org.axonframework.serialization.Revision")))
                .check(classes);
    }

    /** SQL only in the modules that own tables (and the operator's view of Axon's own tables). */
    @Test
    void sqlOnlyWhereTheTablesAreOwned() {
        noClasses().that().resideInAnyPackage(ROOT + ".domain..", ROOT + ".demo..", ROOT + ".api.web..",
                        ROOT + ".api.security..", ROOT + ".api.ingestion..", ROOT + ".api.correlation..",
                        ROOT + ".api.input..", ROOT + ".api.problem..")
                .should().dependOnClassesThat(DescribedPredicate.describe("SQL access (JdbcTemplate, a connection, a "
                        + "statement, a result set)", type -> type.getPackageName().startsWith("org.springframework.jdbc")
                        || type.getName().equals("javax.sql.DataSource") || type.getName().equals("java.sql.Connection")
                        || type.getName().equals("java.sql.Statement") || type.getName().equals("java.sql.PreparedStatement")
                        || type.getName().equals("java.sql.ResultSet")))
                .check(classes);
    }
}
