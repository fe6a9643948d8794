package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.BindingStatus;
import io.atonix.api.v1beta1.appstack.Metrics;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceStatus;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.EnvVar;
import io.atonix.api.v1beta1.common.EnvVarSource;
import io.atonix.api.v1beta1.common.KeyReference;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Rotation;
import io.atonix.operator.common.SecretChecksum;
import io.atonix.operator.common.Updates;
import io.atonix.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AppStack controller against the fabric8 mock API server, through the same write path as in production
 * (create and replace; see docs/architecture.md). The mock runs no controllers, so the tests play the Deployment
 * controller's part by writing Deployment status.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class AppStackReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    MeterRegistry meters;

    MockApiServer mock;

    @BeforeEach
    void harness() {
        mock = new MockApiServer(client, server, meters);
    }

    @Test
    void createsEveryObjectOfEachServiceWithOwnerReferences() {
        ServiceSpec web = TestStacks.withRoutes(
                TestStacks.withAutoscale(service("web", "nginx:1.27", 8080), new Autoscale(2, 5, 70, null)),
                TestStacks.route("shop.example.com", "/"));
        ServiceSpec api = TestStacks.withReplicas(service("api", "acme/api:1", 5000), 1);
        ServiceSpec worker = TestStacks.worker("worker", "acme/worker:1");
        AppStack created =
                create(stack("create", "shop", List.of(TestStacks.https("shop.example.com")), web, api, worker));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(client.serviceAccounts()
                            .inNamespace("create")
                            .withName("shop-web")
                            .get())
                    .isNotNull();
            assertThat(client.apps()
                            .deployments()
                            .inNamespace("create")
                            .withName("shop-web")
                            .get())
                    .isNotNull();
            assertThat(client.services()
                            .inNamespace("create")
                            .withName("shop-web")
                            .get())
                    .isNotNull();
            assertThat(client.autoscaling()
                            .v2()
                            .horizontalPodAutoscalers()
                            .inNamespace("create")
                            .withName("shop-web")
                            .get())
                    .isNotNull();
            assertThat(client.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace("create")
                            .withName("shop-web")
                            .get())
                    .isNotNull();
            assertThat(client.network()
                            .v1()
                            .ingresses()
                            .inNamespace("create")
                            .withName("shop")
                            .get())
                    .isNotNull();
            assertThat(client.apps()
                            .deployments()
                            .inNamespace("create")
                            .withName("shop-api")
                            .get())
                    .isNotNull();
        });
        // A single-replica service without autoscale gets neither a budget nor an autoscaler, and the stack's one
        // Ingress carries only the routed service.
        assertThat(client.policy()
                        .v1()
                        .podDisruptionBudget()
                        .inNamespace("create")
                        .withName("shop-api")
                        .get())
                .isNull();
        assertThat(client.autoscaling()
                        .v2()
                        .horizontalPodAutoscalers()
                        .inNamespace("create")
                        .withName("shop-api")
                        .get())
                .isNull();
        assertThat(client.network()
                        .v1()
                        .ingresses()
                        .inNamespace("create")
                        .list()
                        .getItems())
                .singleElement()
                .satisfies(ingress -> assertThat(ingress.getSpec().getRules())
                        .flatExtracting(rule -> rule.getHttp().getPaths())
                        .extracting(path -> path.getBackend().getService().getName())
                        .containsExactly("shop-web"));
        assertThat(client.services()
                        .inNamespace("create")
                        .withName("shop-worker")
                        .get())
                .as("a worker without a port has no Service")
                .isNull();

        Deployment deployment = client.apps()
                .deployments()
                .inNamespace("create")
                .withName("shop-web")
                .get();
        assertThat(deployment.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> {
                    assertThat(owner.getKind()).isEqualTo("AppStack");
                    assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
                    assertThat(owner.getController()).isTrue();
                });
        assertThat(deployment.getSpec().getReplicas())
                .as("the autoscaler owns replicas")
                .isNull();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack current = get("create", "shop");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().observedGeneration())
                    .isEqualTo(current.getMetadata().getGeneration());
            assertThat(condition(current, ConditionTypes.READY).status()).isEqualTo("False");
            assertThat(condition(current, ConditionTypes.PROGRESSING).status()).isEqualTo("True");
            assertThat(current.getStatus().services())
                    .extracting(s -> s.urls())
                    .containsExactly(List.of("https://shop.example.com/"), null, null);
        });
        // One Event for everything the first reconcile created, not one per object.
        assertThat(mock.events("create"))
                .filteredOn(e -> e.getReason().equals("Created"))
                .singleElement()
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("Created ")
                        .contains("objects: ")
                        .contains(
                                "Deployment shop-api",
                                "Deployment shop-web",
                                "Service shop-web",
                                "Ingress shop",
                                "HorizontalPodAutoscaler shop-web",
                                "ServiceAccount shop-api"));
    }

    @Test
    void becomesReadyWhenDeploymentsAreAvailableAndThenMakesNoWrites() throws Exception {
        create(stack(
                "steady",
                "shop",
                TestStacks.withReplicas(service("web", "nginx:1.27", 8080), 2),
                service("api", "acme/api:1", 5000)));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .deployments()
                                .inNamespace("steady")
                                .list()
                                .getItems()
                                .size()
                        == 2);
        mock.markAvailable("steady", "shop-web");
        mock.markAvailable("steady", "shop-api");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack current = get("steady", "shop");
            assertThat(condition(current, ConditionTypes.READY).status()).isEqualTo("True");
            assertThat(condition(current, ConditionTypes.PROGRESSING).status()).isEqualTo("False");
            assertThat(condition(current, ConditionTypes.DEGRADED).status()).isEqualTo("False");
            assertThat(current.getStatus().services())
                    .allSatisfy(s -> assertThat(s.ready()).isTrue());
        });
        assertThat(mock.events("steady"))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Ready"));

        // Let the operator settle, then make it reconcile the unchanged stack and count what it sends. Everything a
        // reconcile writes is written before the reconcile counts as finished.
        mock.awaitNoWrites();
        double before = mock.reconciliations();
        mock.markProgressed("steady", "shop-web");
        await().atMost(TIMEOUT).until(() -> mock.reconciliations() > before);
        List<String> writes = new ArrayList<>();
        for (RecordedRequest request : mock.drainRequests()) {
            boolean write = !"GET".equals(request.getMethod());
            boolean ours = request.getPath().contains("/deployments/shop-web/status");
            if (write && !ours) {
                writes.add(request.getMethod() + " " + request.getPath());
            }
        }
        assertThat(writes)
                .as("writing requests of a reconcile of an unchanged stack")
                .isEmpty();
    }

    @Test
    void podsThatBecomeReadyOneByOneCostTheStackAtMostOneStatusWriteASecondAndTheLastCountIsShown() throws Exception {
        create(stack("paced", "shop", TestStacks.withReplicas(service("web", "nginx:1.27", 8080), 6)));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .deployments()
                                .inNamespace("paced")
                                .withName("shop-web")
                                .get()
                        != null);
        mock.markStarting("paced", "shop-web", 0);
        await().atMost(TIMEOUT)
                .ignoreExceptions()
                .until(() -> get("paced", "shop").getStatus().services().size() == 1);
        mock.awaitNoWrites();

        Instant first = Instant.now();
        for (int ready = 1; ready <= 5; ready++) {
            double before = mock.reconciliations(AppStackReconciler.NAME);
            mock.markStarting("paced", "shop-web", ready);
            // Each move is reconciled on its own, as when pods start seconds apart.
            await().atMost(TIMEOUT).until(() -> mock.reconciliations(AppStackReconciler.NAME) > before);
        }
        long seconds = Duration.between(first, Instant.now()).toSeconds();
        await().atMost(TIMEOUT).until(() -> Integer.valueOf(5).equals(readyPods("paced")));

        long writes = mock.drainRequests().stream()
                .filter(request -> !"GET".equals(request.getMethod()))
                .filter(request -> request.getPath().contains("/namespaces/paced/appstacks/shop/status"))
                .count();
        // Writes at least a second apart, in the time of the moves and the one second a held write waits after them.
        assertThat(writes)
                .as("status writes for 5 moves of the ready count in %d whole seconds", seconds)
                .isBetween(1L, seconds + 2);
    }

    private Integer readyPods(String namespace) {
        AppStack stack = get(namespace, "shop");
        return stack.getStatus() == null || stack.getStatus().services().isEmpty()
                ? null
                : stack.getStatus().services().get(0).readyReplicas();
    }

    @Test
    void followsSpecChangesAndRemovesTheObjectsOfARemovedService() {
        ServiceSpec web = TestStacks.withReplicas(service("web", "nginx:1.27", 8080), 1);
        ServiceSpec api = TestStacks.withAutoscale(service("api", "acme/api:1", 5000), new Autoscale(2, 4, null, null));
        create(stack("update", "shop", web, api));
        await().atMost(TIMEOUT)
                .until(() -> client.policy()
                                .v1()
                                .podDisruptionBudget()
                                .inNamespace("update")
                                .withName("shop-api")
                                .get()
                        != null);

        // New image and scale for web; api removed.
        Updates.change(
                client,
                AppStack.class,
                "update",
                "shop",
                r -> r.setSpec(TestStacks.spec(
                        List.of(TestStacks.withReplicas(TestStacks.withImage(web, "nginx:1.28"), 3)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Deployment deployment = client.apps()
                    .deployments()
                    .inNamespace("update")
                    .withName("shop-web")
                    .get();
            // An assertion, not a NullPointerException, so that the wait goes on: on a busy machine the Deployment may
            // come after the budget the test waited for.
            assertThat(deployment).as("Deployment shop-web").isNotNull();
            assertThat(deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("nginx:1.28");
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
            assertThat(client.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace("update")
                            .withName("shop-web")
                            .get())
                    .as("three replicas now need a budget")
                    .isNotNull();
            assertThat(client.apps()
                            .deployments()
                            .inNamespace("update")
                            .withName("shop-api")
                            .get())
                    .isNull();
            assertThat(client.services()
                            .inNamespace("update")
                            .withName("shop-api")
                            .get())
                    .isNull();
            assertThat(client.serviceAccounts()
                            .inNamespace("update")
                            .withName("shop-api")
                            .get())
                    .isNull();
            assertThat(client.autoscaling()
                            .v2()
                            .horizontalPodAutoscalers()
                            .inNamespace("update")
                            .withName("shop-api")
                            .get())
                    .isNull();
            assertThat(client.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace("update")
                            .withName("shop-api")
                            .get())
                    .isNull();
        });
        // The reconcile that deleted the objects records its event after the deletes: it may still be on its way.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(mock.events("update"))
                    .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Deleted"));
            assertThat(mock.events("update"))
                    .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Updated"));
        });
    }

    @Test
    void keepsTheReplicaCountTheAutoscalerChose() {
        ServiceSpec api = TestStacks.withAutoscale(service("api", "acme/api:1", 5000), new Autoscale(2, 8, null, null));
        create(stack("hpa", "shop", api));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .deployments()
                                .inNamespace("hpa")
                                .withName("shop-api")
                                .get()
                        != null);
        // The autoscaler scales the Deployment to 6.
        Updates.change(
                client, Deployment.class, "hpa", "shop-api", d -> d.getSpec().setReplicas(6));
        Updates.change(
                client,
                AppStack.class,
                "hpa",
                "shop",
                r -> r.setSpec(TestStacks.spec(
                        List.of(TestStacks.withImage(api, "acme/api:2")), null, null, null, null, null, null)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Deployment deployment = client.apps()
                    .deployments()
                    .inNamespace("hpa")
                    .withName("shop-api")
                    .get();
            assertThat(deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("acme/api:2");
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(6);
        });
    }

    @Test
    void anInvalidSpecIsReportedAndChangesNothing() {
        ServiceSpec a = new ServiceSpec(
                "web",
                "nginx",
                null,
                null,
                8080,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(TestStacks.route("x.example.com", "/")),
                null,
                null);
        ServiceSpec b = new ServiceSpec(
                "web2",
                "nginx",
                null,
                null,
                8081,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(TestStacks.route("x.example.com", "/")),
                null,
                null);
        create(stack("invalid", "shop", List.of(TestStacks.http("x.example.com")), a, b));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get("invalid", "shop"), ConditionTypes.READY);
            assertThat(ready.status()).isEqualTo("False");
            assertThat(ready.reason()).isEqualTo(AppStackStatusBuilder.REASON_INVALID_SPEC);
            assertThat(ready.message()).contains("both route host x.example.com and path /");
            assertThat(condition(get("invalid", "shop"), ConditionTypes.DEGRADED)
                            .status())
                    .isEqualTo("True");
        });
        assertThat(client.apps().deployments().inNamespace("invalid").list().getItems())
                .isEmpty();
        assertThat(client.services().inNamespace("invalid").list().getItems()).isEmpty();
        assertThat(mock.events("invalid")).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getReason()).isEqualTo(AppStackStatusBuilder.REASON_INVALID_SPEC);
        });
    }

    @Test
    void aMissingSecretBlocksTheStackUntilItExists() {
        EnvVar password = new EnvVar(
                "API_KEY", null, new EnvVarSource(new KeyReference("api-credentials", "key", null), null, null));
        create(stack("secrets", "shop", TestStacks.withEnv(service("api", "acme/api:1", 5000), List.of(password))));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get("secrets", "shop"), ConditionTypes.READY);
            assertThat(ready.reason()).isEqualTo(AppStackStatusBuilder.REASON_INVALID_SPEC);
            assertThat(ready.message()).contains("Secret 'api-credentials' does not exist");
        });
        assertThat(client.apps().deployments().inNamespace("secrets").list().getItems())
                .isEmpty();

        client.secrets()
                .inNamespace("secrets")
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("api-credentials")
                        .endMetadata()
                        .addToStringData("key", "s3cr3t")
                        .build())
                .create();
        // The stack is looked at again after a while; touching it makes that happen now.
        Updates.change(
                client,
                AppStack.class,
                "secrets",
                "shop",
                s -> s.setSpec(TestStacks.spec(
                        List.of(TestStacks.withEnv(
                                TestStacks.withImage(s.getSpec().services().get(0), "acme/api:2"), List.of(password))),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Deployment deployment = client.apps()
                    .deployments()
                    .inNamespace("secrets")
                    .withName("shop-api")
                    .get();
            assertThat(deployment).isNotNull();
            var env = deployment
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getEnv();
            assertThat(env).singleElement().satisfies(v -> {
                assertThat(v.getValue()).isNull();
                assertThat(v.getValueFrom().getSecretKeyRef().getName()).isEqualTo("api-credentials");
            });
        });
    }

    @Test
    void aRouteServedByAnotherStackIsAConflict() {
        var hosts = List.of(TestStacks.http("same.example.com"));
        var route = TestStacks.route("same.example.com", "/");
        create(stack("routes", "first", hosts, TestStacks.withRoutes(service("web", "nginx", 8080), route)));
        await().atMost(TIMEOUT)
                .until(() -> client.network()
                                .v1()
                                .ingresses()
                                .inNamespace("routes")
                                .withName("first")
                                .get()
                        != null);
        create(stack("routes", "second", hosts, TestStacks.withRoutes(service("web", "nginx", 8080), route)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get("routes", "second"), ConditionTypes.READY);
            assertThat(ready.reason()).isEqualTo(AppStackStatusBuilder.REASON_INVALID_SPEC);
            assertThat(ready.message()).contains("already served by Ingress routes/first of another stack");
        });
        assertThat(client.network()
                        .v1()
                        .ingresses()
                        .inNamespace("routes")
                        .withName("second")
                        .get())
                .isNull();
    }

    @Test
    void childrenOfADeletedStackAreLeftToTheGarbageCollector() {
        create(stack("delete", "shop", service("web", "nginx", 8080)));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .deployments()
                                .inNamespace("delete")
                                .withName("shop-web")
                                .get()
                        != null);
        client.resources(AppStack.class).inNamespace("delete").withName("shop").delete();
        await().atMost(TIMEOUT).until(() -> mock.released(AppStack.class, "delete", "shop"));
        // The mock server has no garbage collector; a real one deletes these through their owner reference. The
        // operator's finalizer (for the Kafka side, see docs/kafka.md) is released at once for a stack without Kafka.
        Deployment orphan = client.apps()
                .deployments()
                .inNamespace("delete")
                .withName("shop-web")
                .get();
        assertThat(orphan.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("shop"));
    }

    @Test
    void aStackWithPostgresComposesAChildPostgresAndWaitsForIt() {
        StackPostgres postgres = new StackPostgres(
                "16", null, VolumeSpec.of("5Gi"), List.of(new DatabaseSpec("shop", List.of())), null, null, null, null);
        ServiceSpec api = TestStacks.withReplicas(service("api", "acme/api:1", 5000), 1);
        create(stack(
                "composed",
                "shop",
                TestStacks.spec(List.of(api), postgres, null, null, null, null, DeletionPolicy.Delete)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Postgres child = client.resources(Postgres.class)
                    .inNamespace("composed")
                    .withName("shop-postgres")
                    .get();
            assertThat(child).isNotNull();
            assertThat(child.getSpec().deletionPolicy())
                    .as("the stack's policy")
                    .isEqualTo(DeletionPolicy.Delete);
            assertThat(child.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(o -> assertThat(o.getKind()).isEqualTo("AppStack"));
            // The Postgres controller takes it from there.
            assertThat(client.apps()
                            .statefulSets()
                            .inNamespace("composed")
                            .withName("shop-postgres")
                            .get())
                    .isNotNull();
        });
        mock.markAvailable("composed", "shop-api");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get("composed", "shop");
            assertThat(stack.getStatus().components())
                    .filteredOn(c -> c.component().equals("Postgres"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.holds()).isFalse();
                        assertThat(c.reason()).isEqualTo("Starting");
                    });
            assertThat(condition(stack, ConditionTypes.READY).status())
                    .as("a stack waits for its database")
                    .isEqualTo("False");
            assertThat(condition(stack, ConditionTypes.READY).message()).contains("Postgres");
        });

        Updates.change(
                client,
                AppStack.class,
                "composed",
                "shop",
                r -> r.setSpec(TestStacks.spec(List.of(api), null, null, null, null, null, DeletionPolicy.Delete)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(client.resources(Postgres.class)
                            .inNamespace("composed")
                            .withName("shop-postgres")
                            .get())
                    .isNull();
            assertThat(condition(get("composed", "shop"), ConditionTypes.READY).status())
                    .isEqualTo("True");
        });
    }

    @Test
    void theStatusNamesABindingSecretWhoseRotationRollsTheServicesThatReadIt() {
        StackPostgres postgres = new StackPostgres(
                "16", null, VolumeSpec.of("5Gi"), List.of(new DatabaseSpec("shop", List.of())), null, null, null, null);
        ServiceSpec api = TestStacks.withUses(
                TestStacks.withReplicas(service("api", "acme/api:1", 5000), 1), TestUses.postgres("shop", "shop"));
        ServiceSpec web = TestStacks.withReplicas(service("web", "acme/web:1", 8080), 1);
        create(stack(
                "rotating",
                "shop",
                TestStacks.spec(List.of(api, web), postgres, null, null, null, null, DeletionPolicy.Delete)));

        await().atMost(TIMEOUT).until(() -> checksum("rotating", "shop-api") != null);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(
                                get("rotating", "shop").getStatus().services())
                        .extracting(ServiceStatus::name, ServiceStatus::bindings)
                        .containsExactly(
                                tuple(
                                        "api",
                                        List.of(new BindingStatus(
                                                "shop", UseKind.Postgres, "shop-postgres-api-shop-login"))),
                                tuple("web", null)));
        String before = checksum("rotating", "shop-api");
        Updates.change(
                client,
                Secret.class,
                "rotating",
                "shop-postgres-api-shop-login",
                secret -> secret.getMetadata().getAnnotations().put(Rotation.ANNOTATION, "please"));

        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(checksum("rotating", "shop-api")).isNotNull().isNotEqualTo(before));
        assertThat(checksum("rotating", "shop-web"))
                .as("web reads no binding Secret")
                .isNull();
    }

    @Test
    void aPausedStackIsLeftAloneUntilTheAnnotationGoes() {
        ServiceSpec web = TestStacks.withReplicas(service("web", "nginx:1.27", 8080), 1);
        create(stack("paused", "shop", web));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .deployments()
                                .inNamespace("paused")
                                .withName("shop-web")
                                .get()
                        != null);
        // The mock server writes a status without optimistic locking, so an annotation landing while a status write is
        // on its way would be taken for part of the operator's own write and never seen (a real server answers 409).
        mock.awaitNoWrites();

        Updates.change(
                client,
                AppStack.class,
                "paused",
                "shop",
                s -> s.getMetadata().getAnnotations().put(Pause.ANNOTATION, "true"));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(condition(get("paused", "shop"), ConditionTypes.PROGRESSING)
                                .reason())
                        .isEqualTo(AppStackStatusBuilder.REASON_PAUSED));
        Updates.change(
                client,
                AppStack.class,
                "paused",
                "shop",
                s -> s.setSpec(TestStacks.spec(
                        List.of(TestStacks.withImage(web, "nginx:1.28")), null, null, null, null, null, null)));
        await().pollDelay(Duration.ofSeconds(3))
                .atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(image("paused", "shop-web"))
                        .as("paused: the new image waits")
                        .isEqualTo("nginx:1.27"));

        mock.awaitNoWrites();
        Updates.change(
                client,
                AppStack.class,
                "paused",
                "shop",
                s -> s.getMetadata().getAnnotations().remove(Pause.ANNOTATION));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(image("paused", "shop-web")).isEqualTo("nginx:1.28"));
    }

    private String image(String namespace, String deployment) {
        return client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(deployment)
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    @Test
    void withoutStrimziAStackWithKafkaSaysSoAndTheRestIsReconciled() {
        AppStack stack = io.atonix.operator.kafka.KafkaStacks.shop("no-strimzi", "kafka", DeletionPolicy.Retain);
        create(stack);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack current = get("no-strimzi", "shop");
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().components())
                    .filteredOn(c -> "Kafka".equals(c.component()))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.holds()).isFalse();
                        assertThat(c.reason()).isEqualTo("KafkaUnavailable");
                        assertThat(c.message()).contains("Strimzi is not installed");
                    });
            assertThat(client.apps()
                            .deployments()
                            .inNamespace("no-strimzi")
                            .list()
                            .getItems())
                    .hasSize(3);
        });
        for (String deployment : List.of("shop-api", "shop-worker", "shop-web")) {
            mock.markAvailable("no-strimzi", deployment);
        }
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get("no-strimzi", "shop"), ConditionTypes.READY);
            assertThat(ready.status())
                    .as("a stack that wants Kafka is not ready without it")
                    .isEqualTo("False");
            assertThat(ready.message()).contains("Kafka");
        });
        client.resources(AppStack.class)
                .inNamespace("no-strimzi")
                .withName("shop")
                .delete();
        await().atMost(TIMEOUT).until(() -> get("no-strimzi", "shop") == null);
    }

    private String checksum(String namespace, String deployment) {
        Deployment d = client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(deployment)
                .get();
        var annotations =
                d == null ? null : d.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(SecretChecksum.ANNOTATION);
    }

    @Test
    void withoutThePrometheusOperatorMonitoringIsReportedUnavailableAndTheRestReconciles() {
        ServiceSpec api = TestStacks.withMetrics(
                TestStacks.withReplicas(service("api", "acme/api:1", 5000), 1), new Metrics(null, 9100, null));
        create(stack("nomonitoring", "shop", api));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .deployments()
                                .inNamespace("nomonitoring")
                                .withName("shop-api")
                                .get()
                        != null);
        mock.markAvailable("nomonitoring", "shop-api");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get("nomonitoring", "shop");
            assertThat(condition(stack, ConditionTypes.READY).status())
                    .as("monitoring is optional")
                    .isEqualTo("True");
            assertThat(stack.getStatus().components())
                    .filteredOn(c -> c.component().equals(MonitoringStatus.COMPONENT))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.holds()).isFalse();
                        assertThat(c.reason()).isEqualTo(MonitoringStatus.REASON_UNAVAILABLE);
                        assertThat(c.message())
                                .contains("monitoring is unavailable")
                                .contains("monitoring.coreos.com");
                    });
        });
        assertThat(client.configMaps().inNamespace("nomonitoring").list().getItems())
                .as("no dashboard either")
                .isEmpty();
    }

    @Test
    void withoutKedaAServiceThatWouldScaleToZeroGetsAnHpaOfOnePodAndTheStackSaysSoOnce() {
        ServiceSpec nightly = TestStacks.withAutoscale(
                TestStacks.worker("nightly", "acme/nightly:1"),
                new Autoscale(
                        0,
                        4,
                        null,
                        null,
                        List.of(new io.atonix.api.v1beta1.appstack.AutoscaleTrigger(
                                "night",
                                null,
                                new io.atonix.api.v1beta1.appstack.CronTrigger("UTC", "0 22 * * *", "0 6 * * *", 2),
                                null))));
        create(stack("nokeda", "batch", nightly));
        await().atMost(TIMEOUT)
                .until(() -> client.autoscaling()
                                .v2()
                                .horizontalPodAutoscalers()
                                .inNamespace("nokeda")
                                .withName("batch-nightly")
                                .get()
                        != null);
        assertThat(client.autoscaling()
                        .v2()
                        .horizontalPodAutoscalers()
                        .inNamespace("nokeda")
                        .withName("batch-nightly")
                        .get()
                        .getSpec()
                        .getMinReplicas())
                .as("an HPA cannot scale to zero")
                .isEqualTo(1);
        mock.markAvailable("nokeda", "batch-nightly");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stored = get("nokeda", "batch");
            assertThat(stored.getStatus()).isNotNull();
            assertThat(stored.getStatus().components())
                    .filteredOn(c -> c.component().equals(io.atonix.operator.keda.AutoscalingStatus.COMPONENT))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.reason()).isEqualTo("KedaNotInstalled");
                        assertThat(c.message()).contains("services nightly are not used");
                    });
            assertThat(condition(stored, ConditionTypes.READY).status())
                    .as("the missing KEDA does not hold readiness back")
                    .isEqualTo("True");
        });
        // Another reconcile of the unchanged stack: still one Event.
        double before = mock.reconciliations();
        mock.markProgressed("nokeda", "batch-nightly");
        await().atMost(TIMEOUT).until(() -> mock.reconciliations() > before);
        assertThat(mock.events("nokeda"))
                .filteredOn(e -> "KedaNotInstalled".equals(e.getReason()))
                .singleElement()
                .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));
    }

    private AppStack create(AppStack stack) {
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        return client.resource(stack).create();
    }

    private AppStack get(String namespace, String name) {
        return client.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private static Condition condition(AppStack stack, String type) {
        assertThat(stack.getStatus())
                .as("status of " + stack.getMetadata().getName())
                .isNotNull();
        return Conditions.find(stack.getStatus().conditions(), type).orElseThrow();
    }
}
