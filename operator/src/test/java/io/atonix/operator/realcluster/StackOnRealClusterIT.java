package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Updates;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator, as packaged, against a real API server with a controller manager, a scheduler and kwok nodes:
 * pods run, Deployments become available, owner references garbage-collect, and the server validates everything.
 */
@ExtendWith(RealCluster.class)
class StackOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    /** How long the operator must have written nothing before the steady state is measured. */
    private static final Duration SETTLED = Duration.ofSeconds(5);
    /** The shortest window in which an unchanged stack must cause no write; it spans a reconcile the test causes. */
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(10);

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static AuditLog audit;
    private static OwnNamespaces namespaces;

    @BeforeAll
    static void startOperator() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "stack");
        audit = new AuditLog(RealCluster.plane().auditLog());
        operator = OperatorProcess.start(RealCluster.plane(), "stack");
    }

    @AfterAll
    static void stopOperator() throws Exception {
        try {
            if (namespaces != null) {
                // While the operator runs: it releases its finalizer on the stacks.
                namespaces.removeAll();
            }
        } finally {
            if (operator != null) {
                operator.close();
            }
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void aStackBecomesReadyUnderRestrictedPodSecurityAndThenMakesNoWrites() throws Exception {
        String ns = namespaces.restricted("ready");
        long start = audit.mark();
        ServiceSpec web = TestStacks.withRoutes(
                TestStacks.withAutoscale(
                        TestStacks.service("web", "nginx:1.27", 8080), new Autoscale(2, 4, null, null)),
                TestStacks.route("shop.example.com", "/"));
        ServiceSpec api = TestStacks.withReplicas(TestStacks.service("api", "acme/api:1", 5000), 2);
        create(TestStacks.stack(ns, "shop", List.of(TestStacks.https("shop.example.com")), web, api));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get(ns, "shop");
            assertThat(condition(stack, ConditionTypes.READY).status()).isEqualTo("True");
            assertThat(stack.getStatus().observedGeneration())
                    .isEqualTo(stack.getMetadata().getGeneration());
            assertThat(stack.getStatus().services())
                    .allSatisfy(s -> assertThat(s.readyReplicas()).isEqualTo(2));
        });
        assertThat(admin.pods().inNamespace(ns).list().getItems())
                .hasSize(4)
                .allSatisfy(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));
        assertThat(audit.since(start))
                .as("Pod Security violations recorded by the API server")
                .noneMatch(e -> e.path("annotations").has("pod-security.kubernetes.io/audit-violations"));

        // Steady state: once the operator has written nothing for a while, make it reconcile the unchanged stack, and
        // count what it writes over a window of at least QUIET_WINDOW that lasts until that reconcile has finished.
        // Everything a reconcile writes is in the audit log before the reconcile logs that it finished.
        audit.awaitSettled(operator.user(), ns, SETTLED, TIMEOUT);
        long mark = audit.mark();
        Instant windowStart = Instant.now();
        long before = operator.reconciliationsOf(ns, "shop");
        assertThat(before).as("reconciles logged").isPositive();
        // A change to a child the operator watches triggers a reconcile of the stack (the operator writes Deployments
        // too, hence the retry on conflict).
        Updates.change(
                admin,
                Deployment.class,
                ns,
                "shop-api",
                d -> d.getMetadata().getLabels().put("test.atonix.io/touched", "yes"));
        assertThat(audit.writesDuring(
                        operator.user(),
                        ns,
                        mark,
                        windowStart,
                        QUIET_WINDOW,
                        () -> operator.reconciliationsOf(ns, "shop") > before,
                        TIMEOUT))
                .as("writing requests of the operator while reconciling an unchanged stack")
                .isEmpty();
    }

    /**
     * The operator as it ships serves java-operator-sdk's reconciliation metrics: quarkus-operator-sdk 7.7 alone wires
     * them to a no-op in the packaged application (see observability.OperatorMetrics), which @QuarkusTest cannot show.
     */
    @Test
    void thePackagedOperatorServesItsReconcileMetrics() throws Exception {
        String ns = namespaces.restricted("metrics");
        create(TestStacks.stack(ns, "shop", TestStacks.service("web", "nginx:1.27", 8080)));
        await().atMost(TIMEOUT).until(() -> get(ns, "shop").getStatus() != null);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(operator.metrics())
                        .containsPattern(
                                "reconciliations_success_total\\{[^}]*controller_name=\"appstack\"[^}]*} [1-9]")
                        .containsPattern(
                                "reconciliations_execution_duration_seconds_count\\{[^}]*controller_name=\"appstack\"")
                        .contains("reconciliations_queue{", "atonix_appstacks{ready=\"False\"}"));
    }

    @Test
    void anImageChangeRollsThroughANewReplicaSetWhileTheStackIsProgressing() throws Exception {
        String ns = namespaces.restricted("rollout");
        ServiceSpec api = TestStacks.withReplicas(TestStacks.service("api", "acme/api:1", 5000), 2);
        create(TestStacks.stack(ns, "shop", api));
        await().atMost(TIMEOUT).until(() -> isReady(get(ns, "shop")));

        List<AppStackStatus> seen = new CopyOnWriteArrayList<>();
        try (Watch watch = admin.resources(AppStack.class)
                .inNamespace(ns)
                .withName("shop")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, AppStack resource) {
                        seen.add(resource.getStatus());
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                })) {
            long generation = Updates.change(
                            admin,
                            AppStack.class,
                            ns,
                            "shop",
                            r -> r.setSpec(TestStacks.spec(
                                    List.of(TestStacks.withImage(api, "acme/api:2")),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null)))
                    .getMetadata()
                    .getGeneration();

            await().atMost(TIMEOUT).untilAsserted(() -> {
                AppStack current = get(ns, "shop");
                assertThat(current.getStatus().observedGeneration()).isEqualTo(generation);
                assertThat(condition(current, ConditionTypes.READY).status()).isEqualTo("True");
            });
            assertThat(seen).as("statuses written during the rollout").anySatisfy(s -> {
                assertThat(s.observedGeneration()).isEqualTo(generation);
                assertThat(Conditions.find(s.conditions(), ConditionTypes.PROGRESSING)
                                .orElseThrow()
                                .status())
                        .isEqualTo("True");
            });
        }
        List<ReplicaSet> sets =
                admin.apps().replicaSets().inNamespace(ns).list().getItems();
        assertThat(sets).hasSize(2);
        assertThat(sets).anySatisfy(rs -> {
            assertThat(rs.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("acme/api:2");
            assertThat(rs.getStatus().getReadyReplicas()).isEqualTo(2);
        });
    }

    @Test
    void aRemovedServiceLosesItsObjectsAndADeletedStackIsGarbageCollected() throws Exception {
        String ns = namespaces.restricted("lifecycle");
        ServiceSpec web = TestStacks.withReplicas(TestStacks.service("web", "nginx:1.27", 8080), 2);
        ServiceSpec api = TestStacks.service("api", "acme/api:1", 5000);
        create(TestStacks.stack(ns, "shop", web, api));
        await().atMost(TIMEOUT).until(() -> isReady(get(ns, "shop")));

        Updates.change(
                admin,
                AppStack.class,
                ns,
                "shop",
                r -> r.setSpec(TestStacks.spec(List.of(web), null, null, null, null, null, null)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.apps()
                            .deployments()
                            .inNamespace(ns)
                            .withName("shop-api")
                            .get())
                    .isNull();
            assertThat(admin.services().inNamespace(ns).withName("shop-api").get())
                    .isNull();
            assertThat(admin.serviceAccounts()
                            .inNamespace(ns)
                            .withName("shop-api")
                            .get())
                    .isNull();
            assertThat(admin.pods()
                            .inNamespace(ns)
                            .withLabel(Labels.SERVICE, "api")
                            .list()
                            .getItems())
                    .isEmpty();
        });
        assertThat(admin.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("shop-web")
                        .get())
                .isNotNull();

        admin.resources(AppStack.class).inNamespace(ns).withName("shop").delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.resources(AppStack.class)
                            .inNamespace(ns)
                            .withName("shop")
                            .get())
                    .isNull();
            assertThat(admin.apps().deployments().inNamespace(ns).list().getItems())
                    .isEmpty();
            assertThat(admin.services()
                            .inNamespace(ns)
                            .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                            .list()
                            .getItems())
                    .isEmpty();
            assertThat(admin.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace(ns)
                            .list()
                            .getItems())
                    .isEmpty();
            assertThat(admin.pods().inNamespace(ns).list().getItems()).isEmpty();
        });
    }

    @Test
    void aDeploymentTheServerRefusesIsReportedNotRetriedSilently() throws Exception {
        String ns = namespaces.restricted("refused");
        // A memory request above the limit passes our schema but not the API server's validation of the Deployment.
        ServiceSpec odd = new ServiceSpec(
                "api",
                "acme/api:1",
                null,
                1,
                5000,
                null,
                null,
                null,
                null,
                new io.atonix.api.v1beta1.common.ComputeResources(
                        new io.atonix.api.v1beta1.common.ResourceAmounts(
                                null, new io.fabric8.kubernetes.api.model.Quantity("1Gi")),
                        new io.atonix.api.v1beta1.common.ResourceAmounts(
                                null, new io.fabric8.kubernetes.api.model.Quantity("512Mi"))),
                null,
                null,
                null,
                null,
                null);
        create(TestStacks.stack(ns, "shop", odd));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get(ns, "shop"), ConditionTypes.READY);
            assertThat(ready.status()).isEqualTo("False");
            assertThat(ready.reason()).isEqualTo("ReconcileFailed");
            assertThat(ready.message()).contains("must be less than or equal to memory limit");
        });
    }

    /**
     * What the end of every class checks in its restricted namespaces (OwnNamespaces.removeAll): a pod that Pod Security
     * refuses is no error anyone sees, only an Event FailedCreate on its controller, which PodSecurityRefusals finds.
     * The test removes its namespace itself, so that the check at the end meets only refusals nobody meant.
     */
    @Test
    void aPodThatRestrictedPodSecurityRefusesIsFoundAsARefusalOfItsController() {
        String ns = namespaces.restricted("refusal");
        admin.resource(new JobBuilder()
                        .withNewMetadata()
                        .withName("privileged")
                        .withNamespace(ns)
                        .endMetadata()
                        .withNewSpec()
                        .withBackoffLimit(0)
                        .withNewTemplate()
                        .withNewSpec()
                        .withRestartPolicy("Never")
                        .addNewContainer()
                        .withName("main")
                        .withImage("busybox:1.37")
                        .withNewSecurityContext()
                        .withPrivileged(true)
                        .endSecurityContext()
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        try {
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(PodSecurityRefusals.in(admin, ns))
                            .singleElement()
                            .asString()
                            .startsWith("Job " + ns + "/privileged: ")
                            .contains("violates PodSecurity \"restricted"));
        } finally {
            admin.namespaces().withName(ns).delete();
            await().atMost(OwnNamespaces.REMOVAL_TIMEOUT)
                    .until(() -> admin.namespaces().withName(ns).get() == null);
        }
    }

    private static void create(AppStack stack) {
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        admin.resource(stack).create();
    }

    static AppStack get(String namespace, String name) {
        return admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    static boolean isReady(AppStack stack) {
        return stack != null
                && stack.getStatus() != null
                && Conditions.find(stack.getStatus().conditions(), ConditionTypes.READY)
                        .map(Condition::holds)
                        .orElse(false);
    }

    static Condition condition(AppStack stack, String type) {
        assertThat(stack.getStatus()).isNotNull();
        return Conditions.find(stack.getStatus().conditions(), type).orElseThrow();
    }
}
