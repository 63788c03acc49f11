package io.invoq.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of design.md §1, one rule per sentence. */
@AnalyzeClasses(packages = "io.invoq", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonRulesTest {

    private static final String DOMAIN = "io.invoq.domain..";
    private static final String PORTS = "io.invoq.ports..";
    private static final String APPLICATION = "io.invoq.application..";
    private static final String IN_MEMORY = "io.invoq.adapter.inmemory..";
    private static final String JETSTREAM = "io.invoq.adapter.jetstream..";
    private static final String HTTP = "io.invoq.adapter.http..";
    private static final String APP = "io.invoq.app..";
    private static final String TESTKIT = "io.invoq.testkit..";

    private static final String[] FRAMEWORKS = {
        "io.nats..", "io.javalin..", "com.google.inject..", "io.micrometer..", "com.fasterxml.jackson..",
        "jakarta..", "javax.inject..", "org.eclipse.jetty..", "ch.qos.logback.."
    };

    @ArchTest
    static final ArchRule every_class_belongs_to_exactly_one_layer_and_the_layers_depend_inwards = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("io.invoq..")
            .withOptionalLayers(false)
            .layer("Domain").definedBy(DOMAIN)
            .layer("Ports").definedBy(PORTS)
            .layer("Application").definedBy(APPLICATION)
            .layer("InMemoryAdapter").definedBy(IN_MEMORY)
            .layer("JetStreamAdapter").definedBy(JETSTREAM)
            .layer("HttpAdapter").definedBy(HTTP)
            .layer("App").definedBy(APP)
            .layer("Testkit").definedBy(TESTKIT)
            .whereLayer("Testkit").mayNotBeAccessedByAnyLayer()
            .whereLayer("App").mayOnlyBeAccessedByLayers("Testkit")
            .whereLayer("InMemoryAdapter").mayOnlyBeAccessedByLayers("App", "Testkit")
            .whereLayer("JetStreamAdapter").mayOnlyBeAccessedByLayers("App")
            .whereLayer("HttpAdapter").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers(
                    "Application", "InMemoryAdapter", "JetStreamAdapter", "HttpAdapter", "App", "Testkit")
            .ensureAllClassesAreContainedInArchitecture();

    @ArchTest
    static final ArchRule the_testkit_runs_invoq_through_the_embedding_api_and_the_manual_clock_only = noClasses()
            .that().resideInAPackage(TESTKIT)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, JETSTREAM, HTTP)
            .because("a user's test sees invoq as the testkit does: Invoq, InvoqOptions, ManualTimeSource and domain values");

    @ArchTest
    static final ArchRule the_domain_uses_nothing_but_the_jdk_and_itself = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule ports_and_application_services_use_no_adapter_and_no_framework = noClasses()
            .that().resideInAnyPackage(PORTS, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    @ArchTest
    static final ArchRule ports_and_application_services_know_no_adapter = noClasses()
            .that().resideInAnyPackage(PORTS, APPLICATION, DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("io.invoq.adapter..", APP);

    @ArchTest
    static final ArchRule the_in_memory_adapter_uses_no_other_adapter = noClasses()
            .that().resideInAPackage(IN_MEMORY)
            .should().dependOnClassesThat().resideInAnyPackage(JETSTREAM, HTTP);

    @ArchTest
    static final ArchRule the_jetstream_adapter_uses_no_other_adapter = noClasses()
            .that().resideInAPackage(JETSTREAM)
            .should().dependOnClassesThat().resideInAnyPackage(IN_MEMORY, HTTP);

    @ArchTest
    static final ArchRule the_http_adapter_uses_no_other_adapter = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(IN_MEMORY, JETSTREAM);

    @ArchTest
    static final ArchRule adapters_publish_only_their_guice_module_settings_and_the_interfaces_the_app_drives = classes()
            .that().resideInAPackage("io.invoq.adapter..").and().arePublic().and().areTopLevelClasses()
            .should().beAssignableTo(com.google.inject.Module.class)
            .orShould().haveSimpleNameEndingWith("Settings")
            .orShould().beInterfaces()
            .orShould().beAssignableTo(io.invoq.ports.out.TimeSource.class)
            .because("an adapter is used through its Guice module; only its configuration, the interfaces the app "
                    + "drives and the manual clock for users' tests are published");
}
