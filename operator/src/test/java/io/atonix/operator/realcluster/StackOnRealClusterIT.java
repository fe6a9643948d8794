package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.AppStackSpec;
import io.atonix.api.v1alpha1.appstack.AppStackStatus;
import io.atonix.api.v1alpha1.appstack.Autoscale;
import io.atonix.api.v1alpha1.appstack.Expose;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.api.v1alpha1.common.Condition;
import io.atonix.api.v1alpha1.common.ConditionTypes;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Updates;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

/**
 * The operator, as packaged, against a real API server with a controller manager, a scheduler and kwok nodes:
 * pods run, Deployments become available, owner references garbage-collect, and the server validates everything.
 */
@ExtendWith(RealCluster.class)
class StackOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static AuditLog audit;

    @BeforeAll
    static void startOperator() throws Exception {
        admin = RealCluster.plane().adminClient();
        audit = new AuditLog(RealCluster.plane().auditLog());
        operator = OperatorProcess.start(RealCluster.plane(), "stack");
    }

    @AfterAll
    static void stopOperator() throws Exception {
        if (operator != null) {
            operator.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void aStackBecomesReadyUnderRestrictedPodSecurityAndThenMakesNoWrites() throws Exception {
        restrictedNamespace("ready");
        long start = audit.mark();
        ServiceSpec web = TestStacks.withExpose(TestStacks.withAutoscale(TestStacks.service("web", "nginx:1.27", 8080), new Autoscale(2, 4, null, null)),
                new Expose("shop.example.com", "/", null, true, null, null, null));
        ServiceSpec api = TestStacks.withReplicas(TestStacks.service("api", "acme/api:1", 5000), 2);
        create(TestStacks.stack("ready", "shop", web, api));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get("ready", "shop");
            assertThat(condition(stack, ConditionTypes.READY).status()).isEqualTo("True");
            assertThat(stack.getStatus().observedGeneration()).isEqualTo(stack.getMetadata().getGeneration());
            assertThat(stack.getStatus().services()).allSatisfy(s -> assertThat(s.readyReplicas()).isEqualTo(2));
        });
        assertThat(admin.pods().inNamespace("ready").list().getItems()).hasSize(4)
                .allSatisfy(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Running"));
        assertThat(audit.since(start)).as("Pod Security violations recorded by the API server")
                .noneMatch(e -> e.path("annotations").has("pod-security.kubernetes.io/audit-violations"));

        // Steady state: once the operator has stopped writing, make it reconcile the unchanged stack, and count what it
        // writes. Everything a reconcile writes is in the audit log before the reconcile logs that it finished.
        long[] quiet = { audit.mark() };
        await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            boolean none = audit.writesBy(LocalControlPlane.OPERATOR_USER, "ready", quiet[0]).isEmpty();
            quiet[0] = audit.mark();
            return none;
        });
        long mark = audit.mark();
        long before = operator.reconciliationsOf("ready", "shop");
        assertThat(before).as("reconciles logged").isPositive();
        admin.apps().deployments().inNamespace("ready").withName("shop-api").edit(d -> {
            d.getMetadata().getLabels().put("test.atonix.io/touched", "yes");
            return d;
        });
        await().atMost(TIMEOUT).until(() -> operator.reconciliationsOf("ready", "shop") > before);
        assertThat(audit.writesBy(LocalControlPlane.OPERATOR_USER, "ready", mark))
                .as("writing requests of the operator while reconciling an unchanged stack").isEmpty();
    }

    /**
     * The operator as it ships serves java-operator-sdk's reconciliation metrics: quarkus-operator-sdk 7.7 alone wires
     * them to a no-op in the packaged application (see observability.OperatorMetrics), which @QuarkusTest cannot show.
     */
    @Test
    void thePackagedOperatorServesItsReconcileMetrics() throws Exception {
        restrictedNamespace("metrics");
        create(TestStacks.stack("metrics", "shop", TestStacks.service("web", "nginx:1.27", 8080)));
        await().atMost(TIMEOUT).until(() -> get("metrics", "shop").getStatus() != null);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(operator.metrics())
                .containsPattern("reconciliations_success_total\\{[^}]*controller_name=\"appstack\"[^}]*} [1-9]")
                .containsPattern("reconciliations_execution_duration_seconds_count\\{[^}]*controller_name=\"appstack\"")
                .contains("reconciliations_queue{", "atonix_appstacks{ready=\"False\"}"));
    }

    @Test
    void anImageChangeRollsThroughANewReplicaSetWhileTheStackIsProgressing() throws Exception {
        restrictedNamespace("rollout");
        ServiceSpec api = TestStacks.withReplicas(TestStacks.service("api", "acme/api:1", 5000), 2);
        create(TestStacks.stack("rollout", "shop", api));
        await().atMost(TIMEOUT).until(() -> isReady(get("rollout", "shop")));

        List<AppStackStatus> seen = new CopyOnWriteArrayList<>();
        try (Watch watch = admin.resources(AppStack.class).inNamespace("rollout").withName("shop").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, AppStack resource) {
                seen.add(resource.getStatus());
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            long generation = Updates.change(admin, AppStack.class, "rollout", "shop", r -> r.setSpec(new AppStackSpec(List.of(TestStacks.withImage(api, "acme/api:2")), null, null, null, null, null, null))).getMetadata().getGeneration();

            await().atMost(TIMEOUT).untilAsserted(() -> {
                AppStack current = get("rollout", "shop");
                assertThat(current.getStatus().observedGeneration()).isEqualTo(generation);
                assertThat(condition(current, ConditionTypes.READY).status()).isEqualTo("True");
            });
            assertThat(seen).as("statuses written during the rollout").anySatisfy(s -> {
                assertThat(s.observedGeneration()).isEqualTo(generation);
                assertThat(Conditions.find(s.conditions(), ConditionTypes.PROGRESSING).orElseThrow().status()).isEqualTo("True");
            });
        }
        List<ReplicaSet> sets = admin.apps().replicaSets().inNamespace("rollout").list().getItems();
        assertThat(sets).hasSize(2);
        assertThat(sets).anySatisfy(rs -> {
            assertThat(rs.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("acme/api:2");
            assertThat(rs.getStatus().getReadyReplicas()).isEqualTo(2);
        });
    }

    @Test
    void aRemovedServiceLosesItsObjectsAndADeletedStackIsGarbageCollected() throws Exception {
        restrictedNamespace("lifecycle");
        ServiceSpec web = TestStacks.withReplicas(TestStacks.service("web", "nginx:1.27", 8080), 2);
        ServiceSpec api = TestStacks.service("api", "acme/api:1", 5000);
        create(TestStacks.stack("lifecycle", "shop", web, api));
        await().atMost(TIMEOUT).until(() -> isReady(get("lifecycle", "shop")));

        Updates.change(admin, AppStack.class, "lifecycle", "shop", r -> r.setSpec(new AppStackSpec(List.of(web), null, null, null, null, null, null)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.apps().deployments().inNamespace("lifecycle").withName("shop-api").get()).isNull();
            assertThat(admin.services().inNamespace("lifecycle").withName("shop-api").get()).isNull();
            assertThat(admin.serviceAccounts().inNamespace("lifecycle").withName("shop-api").get()).isNull();
            assertThat(admin.pods().inNamespace("lifecycle").withLabel(Labels.SERVICE, "api").list().getItems()).isEmpty();
        });
        assertThat(admin.apps().deployments().inNamespace("lifecycle").withName("shop-web").get()).isNotNull();

        admin.resources(AppStack.class).inNamespace("lifecycle").withName("shop").delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.resources(AppStack.class).inNamespace("lifecycle").withName("shop").get()).isNull();
            assertThat(admin.apps().deployments().inNamespace("lifecycle").list().getItems()).isEmpty();
            assertThat(admin.services().inNamespace("lifecycle").withLabel(Labels.MANAGED_BY, Labels.OPERATOR).list().getItems()).isEmpty();
            assertThat(admin.policy().v1().podDisruptionBudget().inNamespace("lifecycle").list().getItems()).isEmpty();
            assertThat(admin.pods().inNamespace("lifecycle").list().getItems()).isEmpty();
        });
    }

    @Test
    void aDeploymentTheServerRefusesIsReportedNotRetriedSilently() throws Exception {
        restrictedNamespace("refused");
        // A memory request above the limit passes our schema but not the API server's validation of the Deployment.
        ServiceSpec odd = new ServiceSpec("api", "acme/api:1", null, 1, 5000, null, null, null, null,
                new io.atonix.api.v1alpha1.common.ComputeResources(
                        new io.atonix.api.v1alpha1.common.ResourceAmounts(null, new io.fabric8.kubernetes.api.model.Quantity("1Gi")),
                        new io.atonix.api.v1alpha1.common.ResourceAmounts(null, new io.fabric8.kubernetes.api.model.Quantity("512Mi"))),
                null, null, null, null, null);
        create(TestStacks.stack("refused", "shop", odd));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get("refused", "shop"), ConditionTypes.READY);
            assertThat(ready.status()).isEqualTo("False");
            assertThat(ready.reason()).isEqualTo("ReconcileFailed");
            assertThat(ready.message()).contains("must be less than or equal to memory limit");
        });
    }

    private static void restrictedNamespace(String name) {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .addToLabels("pod-security.kubernetes.io/warn", "restricted")
                .addToLabels("pod-security.kubernetes.io/audit", "restricted")
                .endMetadata().build()).create();
        await().atMost(TIMEOUT).until(() -> admin.serviceAccounts().inNamespace(name).withName("default").get() != null);
    }

    private static void create(AppStack stack) {
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        admin.resource(stack).create();
    }

    static AppStack get(String namespace, String name) {
        return admin.resources(AppStack.class).inNamespace(namespace).withName(name).get();
    }

    static boolean isReady(AppStack stack) {
        return stack != null && stack.getStatus() != null
                && Conditions.find(stack.getStatus().conditions(), ConditionTypes.READY).map(Condition::holds).orElse(false);
    }

    static Condition condition(AppStack stack, String type) {
        assertThat(stack.getStatus()).isNotNull();
        return Conditions.find(stack.getStatus().conditions(), type).orElseThrow();
    }
}
