package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.appstack.TestUses;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Updates;
import io.atonix.operator.postgres.PostgresStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator process and the API server fail under a running operator; the stack still converges. */
@ExtendWith(RealCluster.class)
class OperatorFaultsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;

    @BeforeAll
    static void connect() {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "faults");
    }

    /**
     * Each test deletes its stack while its last operator still runs, so that the operator releases its finalizer;
     * this removes the namespaces (and, should a test have failed before that, says so and strips the finalizer).
     */
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
    void anOperatorKilledInTheMiddleOfAReconcileConvergesToTheSameChildrenAfterARestart() throws Exception {
        String ns = namespaces.restricted("killed");
        List<ServiceSpec> services = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            services.add(TestStacks.withReplicas(TestStacks.service("svc" + i, "acme/svc:1", 8080), 2));
        }
        Map<String, String> before;
        try (OperatorProcess first = OperatorProcess.start(RealCluster.plane(), "killed-1")) {
            admin.resource(TestStacks.stack(ns, "big", TestStacks.spec(services, null, null, null, null, null, null)))
                    .create();
            // Kill it as soon as it has created part of the stack.
            await().atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> !children(ns).isEmpty());
            first.kill();
            before = children(ns);
        }
        assertThat(before.size()).as("objects created before the kill").isLessThan(12 * 4);

        Map<String, String> after;
        try (OperatorProcess second = OperatorProcess.start(RealCluster.plane(), "killed-2")) {
            try {
                await().atMost(TIMEOUT).until(() -> StackOnRealClusterIT.isReady(get(ns, "big")));
                after = children(ns);
            } finally {
                namespaces.deleteCustomResources(ns);
            }
        }
        assertThat(after)
                .as("every service has its ServiceAccount, Deployment, Service and PodDisruptionBudget")
                .hasSize(12 * 4);
        // What existed before the kill is the same object afterwards: updated at most, never recreated.
        assertThat(after).containsAllEntriesOf(before);
    }

    @Test
    void aKilledOperatorNeverRegeneratesACredential() throws Exception {
        String ns = namespaces.restricted("credentials");
        ServiceSpec api = TestStacks.withReplicas(TestStacks.service("api", "acme/api:1", 5000), 1);
        ServiceSpec withDatabase = new ServiceSpec(
                api.name(),
                api.image(),
                null,
                1,
                api.port(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(TestUses.postgres("shop", "shop", Access.ReadWrite)));
        StackPostgres postgres = new StackPostgres(
                "16",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", List.of()), new DatabaseSpec("audit", List.of())),
                null,
                null,
                null,
                null);
        Map<String, String> before;
        try (OperatorProcess first = OperatorProcess.start(RealCluster.plane(), "credentials-1")) {
            admin.resource(TestStacks.stack(
                            ns, "shop", TestStacks.spec(List.of(withDatabase), postgres, null, null, null, null, null)))
                    .create();
            // Kill it as soon as the first generated credential exists.
            await().atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> !credentials(ns).isEmpty());
            first.kill();
            before = credentials(ns);
        }
        Map<String, String> after;
        try (OperatorProcess second = OperatorProcess.start(RealCluster.plane(), "credentials-2")) {
            try {
                await().atMost(TIMEOUT).until(() -> credentials(ns).size() == 5);
                // The restarted operator goes on past the credentials: the child Postgres' StatefulSet becomes ready
                // and provisioning is tried (it fails: no PostgreSQL runs on kwok nodes), and the stack is reconciled
                // again after that; a credential regenerated on any of these passes would show below.
                await().atMost(TIMEOUT).untilAsserted(() -> {
                    Postgres child = admin.resources(Postgres.class)
                            .inNamespace(ns)
                            .withName("shop-postgres")
                            .get();
                    assertThat(child.getStatus()).isNotNull();
                    assertThat(Conditions.find(child.getStatus().conditions(), ConditionTypes.READY)
                                    .orElseThrow()
                                    .reason())
                            .isEqualTo(PostgresStatusBuilder.REASON_PROVISIONING_FAILED);
                });
                // One more reconcile of the stack, caused by the test: a change to a child the operator watches.
                long reconciles = second.reconciliationsOf(ns, "shop");
                Updates.change(
                        admin,
                        Deployment.class,
                        ns,
                        "shop-api",
                        d -> d.getMetadata().getLabels().put("test.atonix.io/touched", "yes"));
                await().atMost(TIMEOUT).until(() -> second.reconciliationsOf(ns, "shop") > reconciles);
                after = credentials(ns);
            } finally {
                namespaces.deleteCustomResources(ns);
            }
        }
        assertThat(after.keySet())
                .containsExactlyInAnyOrder(
                        "shop-postgres-superuser",
                        "shop-postgres-monitoring",
                        "shop-postgres-shop-owner",
                        "shop-postgres-audit-owner",
                        "shop-postgres-api-shop-login");
        // A credential that existed before the kill has the same object and the same password after the restart.
        assertThat(after).containsAllEntriesOf(before);
    }

    /** The generated credential Secrets in the namespace: name to "uid/password". */
    private static Map<String, String> credentials(String namespace) {
        return admin
                .secrets()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems()
                .stream()
                .collect(Collectors.toMap(
                        s -> s.getMetadata().getName(),
                        s -> s.getMetadata().getUid() + "/" + s.getData().get("password")));
    }

    @Test
    void theOperatorRecoversItsWatchesAfterTheApiServerRestarts() throws Exception {
        String ns = namespaces.restricted("restart");
        ServiceSpec api = TestStacks.withReplicas(TestStacks.service("api", "acme/api:1", 5000), 1);
        try (OperatorProcess operator = OperatorProcess.start(RealCluster.plane(), "restart")) {
            try {
                admin.resource(TestStacks.stack(ns, "shop", api)).create();
                await().atMost(TIMEOUT).until(() -> StackOnRealClusterIT.isReady(get(ns, "shop")));

                RealCluster.plane().restartApiServer(Duration.ofSeconds(5));

                Updates.change(
                        admin,
                        AppStack.class,
                        ns,
                        "shop",
                        r -> r.setSpec(TestStacks.spec(
                                List.of(TestStacks.withImage(api, "acme/api:2")), null, null, null, null, null, null)));
                await().atMost(TIMEOUT)
                        .untilAsserted(() -> assertThat(admin.apps()
                                        .deployments()
                                        .inNamespace(ns)
                                        .withName("shop-api")
                                        .get()
                                        .getSpec()
                                        .getTemplate()
                                        .getSpec()
                                        .getContainers()
                                        .get(0)
                                        .getImage())
                                .isEqualTo("acme/api:2"));
                await().atMost(TIMEOUT).until(() -> StackOnRealClusterIT.isReady(get(ns, "shop")));
            } finally {
                namespaces.deleteCustomResources(ns);
            }
        }
    }

    private static AppStack get(String namespace, String name) {
        return admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    /** The operator's children in the namespace: "Kind/name" to uid. */
    private static Map<String, String> children(String namespace) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(admin.serviceAccounts()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.services()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        objects.addAll(admin.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(namespace)
                .withLabel(Labels.MANAGED_BY, Labels.OPERATOR)
                .list()
                .getItems());
        return objects.stream()
                .collect(Collectors.toMap(
                        o -> o.getKind() + "/" + o.getMetadata().getName(),
                        o -> o.getMetadata().getUid()));
    }
}
