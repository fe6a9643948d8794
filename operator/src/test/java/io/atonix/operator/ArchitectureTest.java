package io.atonix.operator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.atonix.operator.common.WithoutManagedFields;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.BooleanWithUndefined;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure the code keeps: no package of the operator reaches back into one that depends on it, and the
 * API types (a client library of their own) know nothing of the operator. Only production classes are checked.
 */
class ArchitectureTest {
    private static final int MAX_LINES = 250;
    /** The packages on top: the custom resources' controllers, the render command and the operator's own metrics. */
    private static final String[] KINDS = {
        "io.atonix.operator.appstack..",
        "io.atonix.operator.kafka..",
        "io.atonix.operator.postgres..",
        "io.atonix.operator.redis..",
        "io.atonix.operator.render..",
        "io.atonix.operator.observability..",
        "io.atonix.operator.objectstore.."
    };

    private static final String MONITORING = "io.atonix.operator.monitoring..";
    private static final String BINDING = "io.atonix.operator.binding..";
    private static final String COMMON = "io.atonix.operator.common..";
    private static final String ADMISSION = "io.atonix.operator.admission..";
    private static JavaClasses classes;

    private static String[] concat(String[] packages, String... more) {
        String[] all = Arrays.copyOf(packages, packages.length + more.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.atonix.api", "io.atonix.operator");
    }

    @Test
    void noPackageOfTheOperatorIsPartOfACycle() {
        // Every package is its own slice, so a sub-package (postgres.sql) may not reach back into its parent either.
        slices().matching("io.atonix.operator.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void commonIsTheBottomLayer() {
        noClasses()
                .that()
                .resideInAPackage(COMMON)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(KINDS, MONITORING, BINDING))
                .check(classes);
    }

    @Test
    void admissionKnowsOnlyTheCrdsAndNoKindOfTheOperator() {
        // The CRDs are the one source of their rules: admission reads them, and every kind and render call it.
        noClasses()
                .that()
                .resideInAPackage(ADMISSION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(KINDS, MONITORING, BINDING))
                .check(classes);
    }

    @Test
    void theBindingContractsDependOnNothingOfTheOperator() {
        // Writers and readers of a binding Secret both use its contract, so the contract sits below them all.
        noClasses()
                .that()
                .resideInAPackage(BINDING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(KINDS, MONITORING, COMMON))
                .check(classes);
    }

    @Test
    void monitoringIsAToolkitBelowTheKinds() {
        // Each kind builds its own ServiceMonitors, alert rules and dashboards from monitoring's pieces, never the
        // reverse.
        noClasses()
                .that()
                .resideInAPackage(MONITORING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(KINDS)
                .check(classes);
        // Nor does it know any custom resource: only the types the kinds share (an exporter's monitoring switch).
        noClasses()
                .that()
                .resideInAPackage(MONITORING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.atonix.api.v1beta1.appstack..",
                        "io.atonix.api.v1beta1.postgres..",
                        "io.atonix.api.v1beta1.redis..")
                .check(classes);
    }

    /**
     * java-operator-sdk reads {@code @KubernetesDependent} from each dependent's own class (the annotation is not
     * inherited), so the informer settings are repeated there; whether to write by server-side apply is not: it is
     * quarkus.operator-sdk.enable-ssa, for all of them.
     */
    @Test
    void everyDependentWritesByReplaceAndCachesNoManagedFields() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ArchitectureTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertThat(properties.getProperty("quarkus.operator-sdk.enable-ssa")).isEqualTo("false");
        List<JavaClass> dependents = classes.stream()
                .filter(c -> c.isAnnotatedWith(KubernetesDependent.class))
                .toList();
        assertThat(dependents).hasSizeGreaterThan(20);
        for (JavaClass dependent : dependents) {
            KubernetesDependent annotation = dependent.reflect().getAnnotation(KubernetesDependent.class);
            assertThat(annotation.useSSA()).as(dependent.getSimpleName()).isEqualTo(BooleanWithUndefined.UNDEFINED);
            assertThat(annotation.informer().itemStore())
                    .as(dependent.getSimpleName())
                    .isEqualTo(WithoutManagedFields.class);
            assertThat(annotation.informer().labelSelector())
                    .as(dependent.getSimpleName())
                    .isNotEmpty();
        }
    }

    /**
     * The primaries are the largest objects the operator caches, and the informers it builds by hand (the Kafka ones,
     * the binding Secrets) are outside every {@code @KubernetesDependent}: none of them keeps managedFields either.
     */
    @Test
    void everyControllerAndEveryHandBuiltInformerCachesNoManagedFields() {
        List<JavaClass> controllers = classes.stream()
                .filter(c -> c.isAnnotatedWith(ControllerConfiguration.class))
                .toList();
        assertThat(controllers).hasSizeGreaterThanOrEqualTo(3);
        for (JavaClass controller : controllers) {
            ControllerConfiguration annotation = controller.reflect().getAnnotation(ControllerConfiguration.class);
            assertThat(annotation.informer().itemStore())
                    .as(controller.getSimpleName())
                    .isEqualTo(WithoutManagedFields.class);
        }
        List<JavaClass> builders = classes.stream()
                .filter(c -> calls(c, InformerEventSourceConfiguration.class, "from") > 0)
                .toList();
        assertThat(builders).hasSizeGreaterThanOrEqualTo(4);
        for (JavaClass builder : builders) {
            assertThat(calls(builder, InformerEventSourceConfiguration.Builder.class, "withItemStore"))
                    .as(builder.getSimpleName() + " gives each informer it configures an item store")
                    .isEqualTo(calls(builder, InformerEventSourceConfiguration.class, "from"));
        }
    }

    private static long calls(JavaClass caller, Class<?> owner, String method) {
        return caller.getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().isEquivalentTo(owner))
                .filter(call -> call.getName().equals(method))
                .count();
    }

    @Test
    void theApiTypesDoNotDependOnTheOperator() {
        noClasses()
                .that()
                .resideInAPackage("io.atonix.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.atonix.operator..")
                .check(classes);
    }

    /** Small classes with one job: a source file of the operator that outgrows this has more than one. */
    @Test
    void noSourceFileOfTheOperatorIsLongerThan250Lines() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > MAX_LINES)
                    .map(f -> sources.relativize(f) + " (" + lines(f) + " lines)")
                    .toList();
            assertThat(tooLong).as("source files over " + MAX_LINES + " lines").isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
