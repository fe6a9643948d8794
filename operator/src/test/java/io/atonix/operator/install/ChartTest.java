package io.atonix.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.atonix.operator.common.Labels;
import io.atonix.operator.kafka.SharedTopics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart, linted and rendered by real Helm for its default values and each variant a platform team may pick. */
class ChartTest {
    private static final String FULLNAME = RenderedChart.RELEASE;

    @Test
    void lintsWithoutAWarning() {
        LintResult result = new Helm(RenderedChart.directory()).lint().strict().call();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void shipsExactlyTheRepositoryCrds() throws IOException {
        Path repositoryCrds = RenderedChart.directory().resolve("../../crds").normalize();
        Path chartCrds = RenderedChart.directory().resolve("crds");
        assertThat(fileNames(chartCrds)).isEqualTo(fileNames(repositoryCrds)).isNotEmpty();
        for (String name : fileNames(repositoryCrds)) {
            assertThat(Files.readAllBytes(chartCrds.resolve(name)))
                    .as("helm/atonix-operator/crds/" + name + " equals crds/" + name
                            + " (copy crds/*.yml into the chart after regenerating them)")
                    .isEqualTo(Files.readAllBytes(repositoryCrds.resolve(name)));
        }
    }

    @Test
    void defaultsWatchAllNamespacesWithOneRestrictedReplica() {
        RenderedChart chart = RenderedChart.render("");
        assertThat(chart.objects())
                .extracting(HasMetadata::getKind)
                .containsExactlyInAnyOrder(
                        "ServiceAccount",
                        "ClusterRole",
                        "ClusterRoleBinding",
                        "Role",
                        "RoleBinding",
                        "Service",
                        "Deployment",
                        "ConfigMap");

        Deployment deployment = chart.one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        Container operator =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(operator.getImage()).isEqualTo("ghcr.io/atonix/atonix-operator:0.1.0");
        assertThat(env(operator))
                .containsEntry("ATONIX_LEADER_ELECTION_ENABLED", "true")
                .containsEntry("ATONIX_LEADER_ELECTION_LEASE_NAME", FULLNAME)
                .doesNotContainKey("ATONIX_MONITORING_GRAFANA_DASHBOARD_LABEL")
                .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false")
                .doesNotContainKeys(
                        "QUARKUS_OPERATOR_SDK_NAMESPACES",
                        "ATONIX_INGRESS_CLASS_NAME",
                        "ATONIX_MONITORING_PROMETHEUS_LABELS");
        EnvVar leaseNamespace = operator.getEnv().stream()
                .filter(e -> e.getName().equals("ATONIX_LEADER_ELECTION_LEASE_NAMESPACE"))
                .findFirst()
                .orElseThrow();
        assertThat(leaseNamespace.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
        assertProbesAndPodSecurity(deployment);

        ServiceAccount account = chart.one(ServiceAccount.class);
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(account.getMetadata().getName());
        ClusterRoleBinding binding = chart.one(ClusterRoleBinding.class);
        assertThat(binding.getRoleRef().getName())
                .isEqualTo(chart.one(ClusterRole.class).getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo(account.getMetadata().getName());
            assertThat(s.getNamespace()).isEqualTo(RenderedChart.NAMESPACE);
        });

        Service metrics = chart.one(Service.class);
        assertThat(metrics.getSpec().getSelector())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(metrics.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertOwnObjectsAreHelmsAndInTheReleaseNamespace(chart);
    }

    @Test
    void aNamespaceListGivesRolesThereAndNoClusterWideRights() {
        RenderedChart cluster = RenderedChart.render("");
        RenderedChart chart = RenderedChart.render("watchNamespaces: [team-a, team-b]\n");
        assertThat(chart.all(ClusterRole.class)).isEmpty();
        assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
        for (String namespace : List.of("team-a", "team-b")) {
            Role role = chart.named(Role.class, namespace, FULLNAME)
                    .orElseThrow(() -> new AssertionError("no Role in " + namespace));
            // The ClusterRole's rules but those on cluster-scoped CRDs, namespaces and volumes, which a Role cannot
            // grant.
            assertThat(role.getRules())
                    .usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(cluster.one(ClusterRole.class).getRules().stream()
                            .filter(rule -> !rule.getResources().contains("customresourcedefinitions")
                                    && !rule.getResources().contains("namespaces")
                                    && !rule.getResources().contains("persistentvolumes"))
                            .toList());
            RoleBinding binding =
                    chart.named(RoleBinding.class, namespace, FULLNAME).orElseThrow();
            assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
            assertThat(binding.getRoleRef().getName()).isEqualTo(FULLNAME);
            assertThat(binding.getSubjects())
                    .singleElement()
                    .satisfies(s -> assertThat(s.getNamespace()).isEqualTo(RenderedChart.NAMESPACE));
        }
        // Only the two watched namespaces and the leader election Role in the operator's own namespace.
        assertThat(chart.all(Role.class))
                .extracting(r -> r.getMetadata().getNamespace())
                .containsExactlyInAnyOrder("team-a", "team-b", RenderedChart.NAMESPACE);
        Container operator = chart.one(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(env(operator)).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "team-a,team-b");
    }

    @Test
    void metricsOffLeavesNoServiceAndNoServiceMonitor() {
        RenderedChart chart = RenderedChart.render("""
                metrics:
                  enabled: false
                  serviceMonitor: { enabled: true }
                """);
        assertThat(chart.all(Service.class)).isEmpty();
        assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
        assertThat(chart.one(Deployment.class)).isNotNull();
    }

    @Test
    void platformSettingsReachTheOperatorAndItsServiceMonitor() {
        RenderedChart chart = RenderedChart.render("""
                ingressClassName: nginx
                logFormat: json
                monitoring:
                  prometheusLabels: { release: prometheus, team: platform }
                  grafanaDashboardLabel: { grafana_dashboard: null, grafana.example.com/dashboard: "yes" }
                metrics:
                  serviceMonitor: { enabled: true, interval: 15s, labels: { scrape: operator } }
                image: { repository: registry.example.com/atonix, tag: 1.2.3, pullPolicy: Always }
                """);
        Container operator = chart.one(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(operator.getImage()).isEqualTo("registry.example.com/atonix:1.2.3");
        assertThat(operator.getImagePullPolicy()).isEqualTo("Always");
        assertThat(env(operator))
                .containsEntry("ATONIX_INGRESS_CLASS_NAME", "nginx")
                .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
                .containsEntry("ATONIX_MONITORING_PROMETHEUS_LABELS", "release=prometheus,team=platform");
        assertThat(chart.one(ConfigMap.class).getMetadata().getLabels())
                .as("the one dashboard of all stacks")
                .containsEntry("grafana.example.com/dashboard", "yes")
                .doesNotContainKey("grafana_dashboard");

        HasMetadata monitor = chart.ofKind("ServiceMonitor").get(0);
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels())
                .containsEntry("release", "prometheus")
                .containsEntry("team", "platform")
                .containsEntry("scrape", "operator");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec =
                (Map<String, Object>) RenderedChart.asMap(monitor).get("spec");
        @SuppressWarnings("unchecked")
        Map<String, Object> endpoint = (Map<String, Object>) ((List<?>) spec.get("endpoints")).get(0);
        assertThat(endpoint)
                .containsEntry("port", "http")
                .containsEntry("path", "/q/metrics")
                .containsEntry("interval", "15s");
        assertThat(((Map<?, ?>) spec.get("selector")).get("matchLabels"))
                .isEqualTo(chart.one(Service.class).getSpec().getSelector());
    }

    @Test
    void theSharedTopicsOfTheValuesReachTheOperatorAsItReadsThem() {
        assertThat(env(operator(RenderedChart.render("")))).doesNotContainKey("ATONIX_KAFKA_SHARED_TOPICS");
        RenderedChart chart = RenderedChart.render("""
                kafka:
                  sharedTopics:
                    - { topic: platform.audit, namespaces: [shop, billing] }
                    - { topic: public.prices, namespaces: ["*"] }
                """);
        String setting = env(operator(chart)).get("ATONIX_KAFKA_SHARED_TOPICS");
        assertThat(setting).isEqualTo("platform.audit:shop,billing;public.prices:*");
        SharedTopics shared = SharedTopics.parse(setting);
        assertThat(shared.allows("platform.audit", "billing")).isTrue();
        assertThat(shared.allows("platform.audit", "other")).isFalse();
        assertThat(shared.allows("public.prices", "other")).isTrue();
        assertThatThrownBy(() -> RenderedChart.render("kafka: { sharedTopics: [ { topic: audit } ] }\n"))
                .hasMessageContaining("namespaces");
        assertThatThrownBy(() ->
                        RenderedChart.render("kafka: { sharedTopics: [ { topic: audit, namespaces: [Team_A] } ] }\n"))
                .hasMessageContaining("sharedTopics");
    }

    @Test
    void theProvisioningPoolsSizeReachesTheOperatorAndOnlyAPositiveCountIsAccepted() {
        assertThat(env(operator(RenderedChart.render("")))).containsEntry("ATONIX_POSTGRES_PROVISIONING_THREADS", "4");
        assertThat(env(operator(RenderedChart.render("postgres: { provisioningThreads: 16 }\n"))))
                .containsEntry("ATONIX_POSTGRES_PROVISIONING_THREADS", "16");
        assertThatThrownBy(() -> RenderedChart.render("postgres: { provisioningThreads: 0 }\n"))
                .hasMessageContaining("provisioningThreads");
    }

    @Test
    void theApiServersRequestTimeoutReachesTheOperatorAndOnlyADurationIsAccepted() {
        assertThat(env(operator(RenderedChart.render("")))).containsEntry("ATONIX_API_SERVER_REQUEST_TIMEOUT", "60s");
        assertThat(env(operator(RenderedChart.render("apiServer: { requestTimeout: 2m }\n"))))
                .containsEntry("ATONIX_API_SERVER_REQUEST_TIMEOUT", "2m");
        assertThatThrownBy(() -> RenderedChart.render("apiServer: { requestTimeout: long }\n"))
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void theBoundsOfTheWaitsOnOtherSystemsReachTheOperatorAndOnlyDurationsAreAccepted() {
        assertThat(env(operator(RenderedChart.render(""))))
                .containsEntry("ATONIX_WAITS_KAFKA_UNMANAGED", "10m")
                .containsEntry("ATONIX_WAITS_KAFKA_USER_SECRET", "10m")
                .containsEntry("ATONIX_WAITS_VOLUME_EXPANSION", "30m")
                .containsEntry("ATONIX_WAITS_REFERENCED_SECRET", "10m");
        RenderedChart chart = RenderedChart.render("waits: { kafkaUnmanaged: 1h, volumeExpansion: 90s }\n");
        assertThat(env(operator(chart)))
                .containsEntry("ATONIX_WAITS_KAFKA_UNMANAGED", "1h")
                .containsEntry("ATONIX_WAITS_KAFKA_USER_SECRET", "10m")
                .containsEntry("ATONIX_WAITS_VOLUME_EXPANSION", "90s");
        assertThatThrownBy(() -> RenderedChart.render("waits: { kafkaUnmanaged: forever }\n"))
                .hasMessageContaining("kafkaUnmanaged");
        assertThatThrownBy(() -> RenderedChart.render("waits: { kafkaUnmanged: 10m }\n"))
                .hasMessageContaining("kafkaUnmanged");
    }

    @Test
    void theEdgeModeAndItsGatewayReachTheOperatorAndGatewayModeNeedsAGateway() {
        assertThat(env(operator(RenderedChart.render(""))))
                .containsEntry("ATONIX_EDGE_MODE", "Ingress")
                .doesNotContainKeys(
                        "ATONIX_EDGE_GATEWAY_NAMESPACE",
                        "ATONIX_EDGE_GATEWAY_NAME",
                        "ATONIX_EDGE_GATEWAY_SECTION_NAME");
        RenderedChart chart = RenderedChart.render(
                "edge: { mode: Gateway, gateway: { namespace: gateways, name: public, sectionName: https } }\n");
        assertThat(env(operator(chart)))
                .containsEntry("ATONIX_EDGE_MODE", "Gateway")
                .containsEntry("ATONIX_EDGE_GATEWAY_NAMESPACE", "gateways")
                .containsEntry("ATONIX_EDGE_GATEWAY_NAME", "public")
                .containsEntry("ATONIX_EDGE_GATEWAY_SECTION_NAME", "https");
        assertThatThrownBy(() -> RenderedChart.render("edge: { mode: Gateway }\n"))
                .as("Gateway mode without its Gateway")
                .hasMessageContaining("edge");
        assertThatThrownBy(() -> RenderedChart.render("edge: { mode: gateway }\n"))
                .hasMessageContaining("mode");
    }

    @Test
    void theStacksNetworkPoliciesAdmitTheOperatorByItsReleaseNamespaceAndTheEdgeAndPrometheusByTheValues() {
        Container defaults = operator(RenderedChart.render(""));
        assertThat(env(defaults))
                .containsEntry("ATONIX_NETWORK_POLICY_INGRESS_NAMESPACE", "ingress-nginx")
                .containsEntry("ATONIX_NETWORK_POLICY_PROMETHEUS_NAMESPACE", "monitoring");
        assertThat(defaults.getEnv())
                .filteredOn(e -> e.getName().equals("ATONIX_NETWORK_POLICY_OPERATOR_NAMESPACE"))
                .singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                        .isEqualTo("metadata.namespace"));
        RenderedChart chart = RenderedChart.render(
                "networkPolicy: { ingressNamespace: gateways, prometheusNamespace: observability }\n");
        assertThat(env(operator(chart)))
                .containsEntry("ATONIX_NETWORK_POLICY_INGRESS_NAMESPACE", "gateways")
                .containsEntry("ATONIX_NETWORK_POLICY_PROMETHEUS_NAMESPACE", "observability");
        assertThatThrownBy(() -> RenderedChart.render("networkPolicy: { ingressNamespace: Gateways }\n"))
                .hasMessageContaining("ingressNamespace");
    }

    private static Container operator(RenderedChart chart) {
        return chart.one(Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    @Test
    void twoReplicasAreKeptAvailableByADisruptionBudget() {
        assertThat(RenderedChart.render("").all(PodDisruptionBudget.class)).isEmpty();
        RenderedChart chart = RenderedChart.render("replicas: 2\n");
        Deployment deployment = chart.one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        PodDisruptionBudget budget = chart.one(PodDisruptionBudget.class);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void aClusterWithoutTheQuantityLibraryTheCrdsRulesCallIsRefusedByHelm() throws IOException {
        // Kubernetes 1.29 brought CEL's quantity() library; an older API server would refuse the CRDs.
        assertThat(Files.readString(RenderedChart.directory().resolve("crds/redises.atonix.io-v1.yml")))
                .contains("quantity(");
        assertThatThrownBy(() -> RenderedChart.renderFor("1.28.9")).hasMessageContaining("kubeVersion");
        assertThat(RenderedChart.renderFor("1.29.0").objects()).isNotEmpty();
    }

    @Test
    void theLeaseTimingOfTheValuesReachesTheOperatorAndDefaultsToJavaOperatorSdksOwn() {
        assertThat(env(operator(RenderedChart.render(""))))
                .containsEntry("ATONIX_LEADER_ELECTION_LEASE_DURATION", "15s")
                .containsEntry("ATONIX_LEADER_ELECTION_RENEW_DEADLINE", "10s")
                .containsEntry("ATONIX_LEADER_ELECTION_RETRY_PERIOD", "2s");
        assertThat(LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE).hasSeconds(15);
        assertThat(LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE).hasSeconds(10);
        assertThat(LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE).hasSeconds(2);

        // Helm merges the map with the defaults: one duration set keeps the other two.
        assertThat(env(operator(RenderedChart.render("leaderElection: { leaseDuration: 30s }\n"))))
                .containsEntry("ATONIX_LEADER_ELECTION_LEASE_DURATION", "30s")
                .containsEntry("ATONIX_LEADER_ELECTION_RENEW_DEADLINE", "10s");
        assertThatThrownBy(() -> RenderedChart.render("leaderElection: { leaseDuration: 15 }\n"))
                .hasMessageContaining("leaseDuration");
        assertThatThrownBy(() -> RenderedChart.render("leaderElection: { leaseDuratoin: 15s }\n"))
                .hasMessageContaining("leaseDuratoin");
    }

    @Test
    void valuesTheSchemaDoesNotKnowFailTheRender() {
        assertThatThrownBy(() -> RenderedChart.render("replica: 2\n")).hasMessageContaining("replica");
        assertThatThrownBy(() -> RenderedChart.render("metrics: { enable: false }\n"))
                .hasMessageContaining("enable");
        assertThatThrownBy(() -> RenderedChart.render("logFormat: xml\n")).hasMessageContaining("logFormat");
        assertThatThrownBy(() -> RenderedChart.render("replicas: 0\n")).hasMessageContaining("replicas");
        assertThatThrownBy(() -> RenderedChart.render("watchNamespaces: [Team_A]\n"))
                .hasMessageContaining("watchNamespaces");
        // Helm merges maps with the defaults: a second label without removing the default one is refused.
        assertThatThrownBy(
                        () -> RenderedChart.render("monitoring: { grafanaDashboardLabel: { dashboards: \"yes\" } }\n"))
                .hasMessageContaining("grafanaDashboardLabel");
    }

    private static void assertProbesAndPodSecurity(Deployment deployment) {
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getHostNetwork()).isNull();
        Container operator = pod.getContainers().get(0);
        assertThat(operator.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(operator.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        for (var probe :
                List.of(operator.getLivenessProbe(), operator.getReadinessProbe(), operator.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
            assertThat(probe.getHttpGet().getScheme()).isEqualTo("HTTP");
        }
        assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(operator.getResources().getLimits()).containsKey("memory");
        var security = operator.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(operator.getVolumeMounts())
                .singleElement()
                .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo(operator.getVolumeMounts().get(0).getName());
            assertThat(v.getEmptyDir()).isNotNull();
        });
    }

    /** The operator's informers select objects labelled managed-by=atonix-operator; its own installation must not be one. */
    private static void assertOwnObjectsAreHelmsAndInTheReleaseNamespace(RenderedChart chart) {
        for (HasMetadata object : chart.objects()) {
            assertThat(object.getMetadata().getLabels())
                    .as(object.getKind())
                    .containsEntry(Labels.MANAGED_BY, "Helm")
                    .containsEntry("app.kubernetes.io/instance", RenderedChart.RELEASE);
            if (object instanceof Namespaced) {
                assertThat(object.getMetadata().getNamespace())
                        .as(object.getKind())
                        .isEqualTo(RenderedChart.NAMESPACE);
            }
        }
    }

    private static Map<String, String> env(Container container) {
        return container.getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (a, b) -> b, TreeMap::new));
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(
                            f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .map(f -> f.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }
}
