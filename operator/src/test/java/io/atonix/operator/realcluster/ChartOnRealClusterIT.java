package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceStatus;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.appstack.AppStackStatusBuilder;
import io.atonix.operator.common.Updates;
import io.atonix.operator.install.RenderedChart;
import io.atonix.operator.postgres.PostgresStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chart against a real API server: every object it renders passes a server-side dry-run (schemas, RBAC objects,
 * Pod Security of its pod), and the packaged operator, running with exactly the chart's ServiceAccount, RBAC and
 * leader election settings, reconciles a stack that uses every controller feature without one Forbidden answer.
 */
@ExtendWith(RealCluster.class)
class ChartOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String NAMESPACE = RenderedChart.NAMESPACE;
    /** The namespaces the confined operator watches, one it does not, and the one of the cluster-wide run. */
    private static final String TEAM_A = "chart-team-a";

    private static final String TEAM_B = "chart-team-b";
    private static final String ELSEWHERE = "chart-elsewhere";
    private static final String SHOP = "chart-shop";
    private static final String CONFINED = "watchNamespaces: [" + TEAM_A + ", " + TEAM_B + "]\n";
    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;

    @BeforeAll
    static void connect() {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "chart");
        namespaces.exact(NAMESPACE, true);
        for (String namespace : List.of(TEAM_A, TEAM_B, ELSEWHERE, SHOP)) {
            namespaces.exact(namespace, true);
        }
    }

    /** Each run deletes its stacks while its operator runs; this removes the namespaces and what is left in them. */
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
    void everyRenderedObjectPassesAServerSideDryRun() throws Exception {
        for (String values : List.of(
                "",
                CONFINED,
                "replicas: 2\nmetrics: { enabled: false }\n",
                "ingressClassName: nginx\nlogFormat: json\nmonitoring: { prometheusLabels: { release: prometheus } }\n")) {
            RenderedChart chart = RenderedChart.render(values);
            assertThat(chart.objects()).isNotEmpty();
            for (HasMetadata object : chart.objects()) {
                admin.resource(object).dryRun().create();
            }
        }
        // The chart's CRDs are the repository's, which RealCluster installed: applying them changes nothing.
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(RenderedChart.directory().resolve("crds"), "*.yml")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    CustomResourceDefinition crd =
                            admin.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
                    admin.resource(crd)
                            .dryRun()
                            .fieldManager("atonix-chart-test")
                            .forceConflicts()
                            .serverSideApply();
                }
            }
        }
    }

    @Test
    void theOperatorPodIsAdmittedWhereRestrictedPodSecurityIsEnforced() {
        Deployment deployment = RenderedChart.render("").one(Deployment.class);
        var pod = new PodBuilder()
                .withNewMetadata()
                .withName("operator-pod")
                .withNamespace(NAMESPACE)
                .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .endMetadata()
                .withSpec(deployment.getSpec().getTemplate().getSpec())
                .build();
        // Admission wants the pod's ServiceAccount to exist; the namespace's default one stands in for the chart's.
        pod.getSpec().setServiceAccountName("default");
        admin.resource(pod).dryRun().create();
    }

    @Test
    void theOperatorWithTheChartsRbacAndLeaderElectionReconcilesWithoutAForbiddenAnswer() throws Exception {
        withTheChartInstalled("", chart -> runOperatorWithTheChartsIdentity(chart, "all", SHOP));
    }

    @Test
    void confinedToSomeNamespacesItNeedsNoClusterWideRightAndIgnoresTheOthers() throws Exception {
        withTheChartInstalled(CONFINED, chart -> {
            assertThat(chart.all(io.fabric8.kubernetes.api.model.rbac.ClusterRole.class))
                    .isEmpty();
            admin.load(new ByteArrayInputStream(STACK.getBytes(StandardCharsets.UTF_8)))
                    .inNamespace(ELSEWHERE)
                    .create();
            try {
                runOperatorWithTheChartsIdentity(chart, "some", TEAM_A);
                assertThat(admin.resources(AppStack.class)
                                .inNamespace(ELSEWHERE)
                                .withName("shop")
                                .get()
                                .getStatus())
                        .as("a stack outside the watched namespaces")
                        .isNull();
                assertThat(admin.apps()
                                .deployments()
                                .inNamespace(ELSEWHERE)
                                .list()
                                .getItems())
                        .isEmpty();
            } finally {
                // No operator put a finalizer on it; gone now, no cluster-wide operator of a later test meets it.
                namespaces.deleteCustomResources(ELSEWHERE);
            }
        });
    }

    private interface ChartRun {
        void run(RenderedChart chart) throws Exception;
    }

    /**
     * Installs what the chart renders except the Deployment (the operator runs as a process here), then removes it and
     * waits until it is gone.
     */
    private static void withTheChartInstalled(String values, ChartRun run) throws Exception {
        RenderedChart chart = RenderedChart.render(values);
        List<HasMetadata> installed =
                chart.objects().stream().filter(o -> !(o instanceof Deployment)).toList();
        try {
            installed.forEach(object -> admin.resource(object).create());
            run.run(chart);
        } finally {
            // So that the dry-runs of the same objects, and the next run, which creates them by the same names, find
            // nothing in their way.
            installed.forEach(object -> admin.resource(object).delete());
            admin.leases().inNamespace(NAMESPACE).delete();
            await("the chart's objects and the Lease to be gone")
                    .atMost(TIMEOUT)
                    .until(() -> installed.stream()
                                    .allMatch(object -> admin.resource(object).get() == null)
                            && admin.leases()
                                    .inNamespace(NAMESPACE)
                                    .list()
                                    .getItems()
                                    .isEmpty());
        }
    }

    private static void runOperatorWithTheChartsIdentity(RenderedChart chart, String run, String stackNamespace)
            throws Exception {
        List<String> installed = chart.objects().stream()
                .filter(o -> !(o instanceof Deployment))
                .map(o -> o.getKind() + " " + o.getMetadata().getNamespace() + "/"
                        + o.getMetadata().getName())
                .toList();
        Deployment deployment = chart.one(Deployment.class);
        String account = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
        String token = admin.serviceAccounts()
                .inNamespace(NAMESPACE)
                .withName(account)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(3600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
        Path kubeconfig = RealCluster.plane().kubeconfigWithToken("chart-operator-" + run, token);
        // The chart's settings, with the values the kubelet would fill in from the downward API.
        Map<String, String> environment =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                        .collect(Collectors.toMap(
                                EnvVar::getName, e -> e.getValue() != null ? e.getValue() : NAMESPACE));
        String user = "system:serviceaccount:" + NAMESPACE + ":" + account;
        AuditLog audit = new AuditLog(RealCluster.plane().auditLog());
        long start = audit.mark();

        try (OperatorProcess operator =
                OperatorProcess.start(RealCluster.plane(), "chart-" + run, kubeconfig, environment)) {
            try {
                reconcileEveryFeature(environment, stackNamespace);
            } finally {
                // While the operator runs: it releases its finalizer on the stacks.
                namespaces.deleteCustomResources(stackNamespace);
            }
        }

        List<JsonNode> requests = audit.since(start).stream()
                .filter(e -> user.equals(e.path("user").path("username").asText()))
                .toList();
        assertThat(requests)
                .as("requests of %s", user)
                .extracting(e -> e.path("verb").asText())
                .contains("create", "update", "delete", "watch", "list");
        // Confined to namespaces, the chart grants nothing cluster-wide: the one cluster-scoped question, whether the
        // Prometheus Operator's CRDs exist, is answered Forbidden by design, and the operator treats monitoring as
        // unavailable (docs/install.md). Every other request must be allowed.
        boolean confined = chart.all(io.fabric8.kubernetes.api.model.rbac.ClusterRole.class)
                .isEmpty();
        assertThat(requests)
                .as("Forbidden answers to the operator running with the chart's RBAC (%s)", installed)
                .filteredOn(e -> e.path("responseStatus").path("code").asInt() == 403)
                .filteredOn(e -> !(confined
                        && "customresourcedefinitions"
                                .equals(e.path("objectRef").path("resource").asText())))
                .extracting(e -> e.path("verb").asText() + " "
                        + e.path("objectRef").path("apiGroup").asText() + "/"
                        + e.path("objectRef").path("resource").asText() + "/"
                        + e.path("objectRef").path("subresource").asText()
                        + " in " + e.path("objectRef").path("namespace").asText())
                .isEmpty();
    }

    private static void reconcileEveryFeature(Map<String, String> environment, String stackNamespace) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Lease lease = admin.leases()
                    .inNamespace(NAMESPACE)
                    .withName(environment.get("ATONIX_LEADER_ELECTION_LEASE_NAME"))
                    .get();
            assertThat(lease).as("the leader election Lease").isNotNull();
            assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();
        });
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("shop-settings")
                        .withNamespace(stackNamespace)
                        .endMetadata()
                        .addToStringData("token", "not-a-secret")
                        .build())
                .create();
        admin.load(new ByteArrayInputStream(STACK.getBytes(StandardCharsets.UTF_8)))
                .inNamespace(stackNamespace)
                .create();
        admin.load(new ByteArrayInputStream(WITHOUT_DATA.getBytes(StandardCharsets.UTF_8)))
                .inNamespace(stackNamespace)
                .create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.apps()
                            .deployments()
                            .inNamespace(stackNamespace)
                            .withName("shop-web")
                            .get())
                    .isNotNull();
            assertThat(admin.apps()
                            .deployments()
                            .inNamespace(stackNamespace)
                            .withName("shop-api")
                            .get())
                    .isNotNull();
            assertThat(admin.autoscaling()
                            .v2()
                            .horizontalPodAutoscalers()
                            .inNamespace(stackNamespace)
                            .withName("shop-web")
                            .get())
                    .isNotNull();
            assertThat(admin.network()
                            .v1()
                            .ingresses()
                            .inNamespace(stackNamespace)
                            .list()
                            .getItems())
                    .isNotEmpty();
            assertThat(admin.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace(stackNamespace)
                            .list()
                            .getItems())
                    .isNotEmpty();
            assertThat(admin.resources(Postgres.class)
                            .inNamespace(stackNamespace)
                            .withName("shop-postgres")
                            .get())
                    .isNotNull();
            assertThat(admin.apps()
                            .statefulSets()
                            .inNamespace(stackNamespace)
                            .withName("shop-postgres")
                            .get())
                    .isNotNull();
            assertThat(admin.batch()
                            .v1()
                            .cronjobs()
                            .inNamespace(stackNamespace)
                            .withName("shop-postgres-backups")
                            .get())
                    .isNotNull();
        });
        // The stack without data stores becomes Ready: every service available on kwok nodes.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack plain = admin.resources(AppStack.class)
                    .inNamespace(stackNamespace)
                    .withName("plain")
                    .get();
            assertThat(StackOnRealClusterIT.condition(plain, ConditionTypes.READY)
                            .status())
                    .as("Ready of the stack without data stores")
                    .isEqualTo("True");
            assertThat(plain.getStatus().observedGeneration())
                    .isEqualTo(plain.getMetadata().getGeneration());
        });
        // No PostgreSQL runs on kwok nodes, so the stack with a database gets as far as it can: every service
        // available, its Postgres' server ready and provisioning tried, and Ready=False waiting for the Postgres alone.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = admin.resources(AppStack.class)
                    .inNamespace(stackNamespace)
                    .withName("shop")
                    .get();
            assertThat(stack.getStatus().services())
                    .extracting(ServiceStatus::name, ServiceStatus::ready)
                    .containsExactlyInAnyOrder(tuple("web", true), tuple("api", true));
            assertThat(stack.getStatus().components())
                    .filteredOn(c -> "Postgres".equals(c.component()))
                    .singleElement()
                    .satisfies(c -> assertThat(c.reason()).isEqualTo(PostgresStatusBuilder.REASON_PROVISIONING_FAILED));
            Condition ready = StackOnRealClusterIT.condition(stack, ConditionTypes.READY);
            assertThat(ready.status()).isEqualTo("False");
            assertThat(ready.reason()).isEqualTo(AppStackStatusBuilder.REASON_ROLLING_OUT);
            assertThat(ready.message()).isEqualTo("Waiting for Postgres");
        });
        // A removed service: the bulk dependents delete its objects.
        AppStack withoutWeb = admin.getKubernetesSerialization()
                .unmarshal(STACK.replaceAll("(?s)    - name: web.*?(?=    - name: api)", ""), AppStack.class);
        assertThat(withoutWeb.getSpec().services())
                .extracting(service -> service.name())
                .containsExactly("api");
        Updates.change(admin, AppStack.class, stackNamespace, "shop", s -> s.setSpec(withoutWeb.getSpec()));
        await().atMost(TIMEOUT)
                .until(() -> admin.apps()
                                        .deployments()
                                        .inNamespace(stackNamespace)
                                        .withName("shop-web")
                                        .get()
                                == null
                        && admin.autoscaling()
                                        .v2()
                                        .horizontalPodAutoscalers()
                                        .inNamespace(stackNamespace)
                                        .withName("shop-web")
                                        .get()
                                == null);
    }

    /** A stack of the same services without data stores, which can become Ready on kwok nodes. */
    private static final String WITHOUT_DATA = """
            apiVersion: atonix.io/v1beta1
            kind: AppStack
            metadata:
              name: plain
            spec:
              hosts:
                - { name: plain.example.com, tls: {} }
              services:
                - name: web
                  image: ghcr.io/acme/shop-web:1.4.2
                  port: 8080
                  routes: [{ host: plain.example.com, path: / }]
                  autoscale: { minReplicas: 2, maxReplicas: 4 }
                  env:
                    - name: TOKEN
                      valueFrom: { secretKeyRef: { name: shop-settings, key: token } }
                - name: api
                  image: ghcr.io/acme/shop-api:2.0.1
                  port: 5000
                  replicas: 2
            """;

    /** A stack that uses every controller feature the operator has: each needs its own permissions. */
    private static final String STACK = """
            apiVersion: atonix.io/v1beta1
            kind: AppStack
            metadata:
              name: shop
            spec:
              hosts:
                - { name: shop.example.com, tls: {} }
              services:
                - name: web
                  image: ghcr.io/acme/shop-web:1.4.2
                  port: 8080
                  routes: [{ host: shop.example.com, path: / }]
                  autoscale: { minReplicas: 2, maxReplicas: 4 }
                  env:
                    - name: TOKEN
                      valueFrom: { secretKeyRef: { name: shop-settings, key: token } }
                - name: api
                  image: ghcr.io/acme/shop-api:2.0.1
                  port: 5000
                  replicas: 2
                  uses:
                    - name: shop
                      postgres: { database: shop, access: ReadWrite }
              postgres:
                version: "16"
                storage: { size: 1Gi }
                databases:
                  - name: shop
                backup:
                  schedule: "0 3 * * *"
                  retain: 2
                  volume: { size: 1Gi }
            """;
}
