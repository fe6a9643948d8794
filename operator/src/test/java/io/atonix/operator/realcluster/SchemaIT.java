package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.atonix.api.v1beta1.ApiGroup;
import io.atonix.operator.render.SchemaMutations;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** What only a real API server checks: the CRDs' schemas and CEL rules, and the samples against them. */
@ExtendWith(RealCluster.class)
class SchemaIT {
    /** The invalid resources and forbidden changes, also read by CelRulesHaveRefusalCasesTest. */
    static final String INVALID_RESOURCES = "invalid-resources.yaml";

    static final String INVALID_TRANSITIONS = "invalid-transitions.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static String namespace;

    @BeforeAll
    static void connect() {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "schema");
        namespace = namespaces.plain("cases");
    }

    /** The resources the forbidden changes created (no operator runs in this class), with their namespace. */
    @AfterAll
    static void disconnect() {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void theCrdsAreServedWithTheirPrinterColumns() {
        var crd = admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("appstacks.atonix.io")
                .get();
        assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
                .extracting(c -> c.getName())
                .contains("Ready", "Reason", "Age");
        assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("atxstack");
        assertThat(crd.getSpec().getNames().getCategories()).containsExactly("atonix");
        assertThat(admin.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("postgreses.atonix.io")
                        .get())
                .isNotNull();
        assertThat(admin.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("redises.atonix.io")
                        .get())
                .isNotNull();
    }

    @TestFactory
    Stream<DynamicTest> everySamplePassesAServerSideDryRun() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(RealCluster.repositoryRoot().resolve("samples"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        for (var resource : admin.load(in).items()) {
                            admin.resource(resource)
                                    .inNamespace(namespace)
                                    .dryRun()
                                    .create();
                        }
                    }
                }));
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    /**
     * Server-side apply as Flux and {@code kubectl apply --server-side} do it: two field managers each apply one half of
     * one stack (a service, an env variable of a shared service), and the server keeps the union, each entry owned by
     * the manager that applied it; a list without {@code x-kubernetes-list-type: map} would be replaced or conflict.
     */
    @Test
    void twoFieldManagersApplyingHalvesOfOneStackGetTheUnion() throws IOException {
        GenericKubernetesResource first = resource("AppStack", "union", YAML.readTree("""
                services:
                  - {name: web, image: nginx:1.27, port: 8080, env: [{name: FROM_FIRST, value: "1"}]}
                  - {name: api, image: acme/api:1, port: 5000}
                """));
        GenericKubernetesResource second = resource("AppStack", "union", YAML.readTree("""
                services:
                  - {name: web, image: nginx:1.27, port: 8080, env: [{name: FROM_SECOND, value: "2"}]}
                  - {name: worker, image: acme/worker:1, port: 9000}
                """));
        admin.resource(first).inNamespace(namespace).fieldManager("team-first").serverSideApply();
        admin.resource(second)
                .inNamespace(namespace)
                .fieldManager("team-second")
                .serverSideApply();

        GenericKubernetesResource stored = admin.genericKubernetesResources(ApiGroup.API_VERSION, "AppStack")
                .inNamespace(namespace)
                .withName("union")
                .get();
        JsonNode services =
                YAML.valueToTree(stored.getAdditionalProperties().get("spec")).path("services");
        assertThat(services.findValuesAsText("name")).contains("web", "api", "worker");
        JsonNode web = null;
        for (JsonNode service : services) {
            web = "web".equals(service.path("name").asText()) ? service : web;
        }
        assertThat(web.path("env").findValuesAsText("name")).containsExactlyInAnyOrder("FROM_FIRST", "FROM_SECOND");
        assertThat(stored.getMetadata().getManagedFields())
                .extracting(m -> m.getManager())
                .contains("team-first", "team-second");
    }

    @TestFactory
    Stream<DynamicTest> invalidResourcesAreRefusedNamingTheField() throws IOException {
        JsonNode cases = read(INVALID_RESOURCES);
        assertThat(cases.size()).as("size of the invalid corpus").isGreaterThanOrEqualTo(30);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            tests.add(DynamicTest.dynamicTest(c.path("case").asText(), () -> {
                GenericKubernetesResource resource = resource(
                        c.path("resource").path("kind").asText(),
                        c.path("name").asText("bad"),
                        c.path("resource").path("spec"));
                KubernetesClientException refusal = refusal(() ->
                        admin.resource(resource).inNamespace(namespace).dryRun().create());
                assertNamesTheField(c, refusal);
            }));
        }
        return tests.stream();
    }

    /** The breaks render refuses too (RenderRefusesWhatTheServerRefusesTest): generated from the samples and CRDs. */
    @TestFactory
    Stream<DynamicTest> everyBreakOfASampleGeneratedFromTheSchemaIsRefusedAtItsField() throws IOException {
        List<SchemaMutations.Mutation> mutations =
                SchemaMutations.ofSamples(RealCluster.repositoryRoot().resolve("samples"));
        assertThat(mutations).hasSizeGreaterThan(100);
        List<DynamicTest> tests = new ArrayList<>();
        for (SchemaMutations.Mutation mutation : mutations) {
            tests.add(DynamicTest.dynamicTest(mutation.name(), () -> {
                GenericKubernetesResource resource =
                        YAML.convertValue(mutation.resource(), GenericKubernetesResource.class);
                resource.getMetadata().setNamespace(namespace);
                KubernetesClientException refusal = refusal(() ->
                        admin.resource(resource).inNamespace(namespace).dryRun().create());
                assertThat(refusal.getStatus().getDetails().getCauses())
                        .as("%s: causes of %s", mutation.name(), refusal.getMessage())
                        .anySatisfy(cause -> assertThat(cause.getField()).startsWith(mutation.field()));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> forbiddenChangesAreRefused() throws IOException {
        JsonNode cases = read(INVALID_TRANSITIONS);
        List<DynamicTest> tests = new ArrayList<>();
        int index = 0;
        for (JsonNode c : cases) {
            String name = "change-" + index++;
            tests.add(DynamicTest.dynamicTest(c.path("case").asText(), () -> {
                String kind = c.path("kind").asText();
                admin.resource(resource(kind, name, c.path("before")))
                        .inNamespace(namespace)
                        .create();
                GenericKubernetesResource stored = admin.genericKubernetesResources(ApiGroup.API_VERSION, kind)
                        .inNamespace(namespace)
                        .withName(name)
                        .get();
                stored.setAdditionalProperty("spec", YAML.convertValue(c.path("after"), Map.class));
                KubernetesClientException refusal = refusal(
                        () -> admin.resource(stored).inNamespace(namespace).update());
                assertNamesTheField(c, refusal);
            }));
        }
        return tests.stream();
    }

    private static KubernetesClientException refusal(Runnable request) {
        try {
            request.run();
        } catch (KubernetesClientException e) {
            assertThat(e.getCode()).as(e.getMessage()).isEqualTo(422);
            return e;
        }
        return fail("the API server accepted it");
    }

    /**
     * The refusal has a cause for exactly the case's field (never an empty one), and for a case of a CEL rule that
     * cause carries the rule's message: the rule refused it, not something else about the same field.
     */
    private static void assertNamesTheField(JsonNode c, KubernetesClientException refusal) {
        String field = c.path("field").asText();
        String rule = c.path("rule").asText();
        assertThat(field)
                .as("the field case '%s' expects", c.path("case").asText())
                .isNotBlank();
        assertThat(refusal.getStatus().getDetails().getCauses())
                .as("%s: causes of %s", c.path("case").asText(), refusal.getMessage())
                .filteredOn(cause -> field.equals(cause.getField()))
                .isNotEmpty()
                .anySatisfy(cause -> assertThat(cause.getMessage()).contains(rule));
    }

    @SuppressWarnings("unchecked")
    private static GenericKubernetesResource resource(String kind, String name, JsonNode spec) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion(ApiGroup.API_VERSION);
        resource.setKind(kind);
        resource.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .build());
        resource.setAdditionalProperty("spec", YAML.convertValue(spec, Map.class));
        return resource;
    }

    static JsonNode read(String name) throws IOException {
        try (InputStream in = SchemaIT.class.getResourceAsStream("/realcluster/" + name)) {
            return YAML.readTree(in);
        }
    }
}
