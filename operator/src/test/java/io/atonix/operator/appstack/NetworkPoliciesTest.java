package io.atonix.operator.appstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.Metrics;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.appstack.StackRedis;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.NetworkSettings;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stack's NetworkPolicies, judged the way a network plugin judges them: a connection to a pod is allowed when
 * some policy that selects the pod has an ingress rule admitting the source and the port.
 */
class NetworkPoliciesTest {
    private static final NetworkSettings NETWORK = new NetworkSettings("ingress", "monitoring", "atonix-system");
    private static final String NS = "shop-ns";

    private final ServiceSpec api = TestStacks.withUses(
            TestStacks.withReplicas(TestStacks.service("api", "acme/api:1", 5000), 1),
            TestUses.postgres("shop", "shop"),
            TestUses.redis("cache"));
    private final ServiceSpec web = new ServiceSpec(
            "web",
            "acme/web:1",
            null,
            1,
            8080,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(TestStacks.route("shop.example.com", "/")),
            new Metrics(null, 9090, null),
            null);
    private final StackPostgres postgres = new StackPostgres(
            "16", null, VolumeSpec.of("1Gi"), List.of(new DatabaseSpec("shop", null)), null, null, null, null);

    private final Map<String, String> apiPod = pod("shop", "api");
    private final Map<String, String> webPod = pod("shop", "web");
    private final Map<String, String> postgresPod = Labels.forPostgres("shop-postgres", "shop");
    private final Map<String, String> redisPod = Labels.forRedis("shop-redis", "shop");

    @Test
    void onlyTheServiceThatUsesTheDatabaseReachesIt() {
        Collection<NetworkPolicy> policies = policies(null).values();

        assertThat(allowed(policies, NS, apiPod, postgresPod, 5432)).isTrue();
        assertThat(allowed(policies, NS, webPod, postgresPod, 5432))
                .as("web declares no use of the database")
                .isFalse();
        assertThat(allowed(policies, NS, apiPod, postgresPod, 9187))
                .as("only the database port")
                .isFalse();
        assertThat(allowed(policies, "atonix-system", Map.of(Labels.NAME, "atonix-operator"), postgresPod, 5432))
                .as("the operator provisions")
                .isTrue();
        assertThat(allowed(policies, "monitoring", Map.of(), postgresPod, 9187))
                .as("Prometheus scrapes the exporter")
                .isTrue();
        assertThat(allowed(policies, "monitoring", Map.of(), postgresPod, 5432)).isFalse();
    }

    @Test
    void onlyTheServiceThatUsesRedisReachesIt() {
        Collection<NetworkPolicy> policies = policies(null).values();

        assertThat(allowed(policies, NS, apiPod, redisPod, 6379)).isTrue();
        assertThat(allowed(policies, NS, webPod, redisPod, 6379)).isFalse();
        assertThat(allowed(policies, "atonix-system", Map.of(Labels.NAME, "atonix-operator"), redisPod, 6379))
                .isFalse();
        assertThat(allowed(policies, "monitoring", Map.of(), redisPod, 9121)).isTrue();
    }

    @Test
    void servicesReachEachOtherAndTheOutsideOnlyWhatItIsGiven() {
        Collection<NetworkPolicy> policies = policies(null).values();

        assertThat(allowed(policies, NS, webPod, apiPod, 5000))
                .as("services of a stack call each other")
                .isTrue();
        assertThat(allowed(policies, NS, pod("other", "web"), apiPod, 5000))
                .as("another stack in the namespace")
                .isFalse();
        assertThat(allowed(policies, "elsewhere", pod("shop", "web"), apiPod, 5000))
                .as("same labels, other namespace")
                .isFalse();
        assertThat(allowed(policies, "ingress", Map.of(), webPod, 8080))
                .as("web is exposed")
                .isTrue();
        assertThat(allowed(policies, "ingress", Map.of(), apiPod, 5000))
                .as("api is not exposed")
                .isFalse();
        assertThat(allowed(policies, "monitoring", Map.of(), webPod, 9090))
                .as("web declares metrics")
                .isTrue();
        assertThat(allowed(policies, "monitoring", Map.of(), apiPod, 5000)).isFalse();
    }

    @Test
    void aWorkerWithoutAPortAdmitsOnlyPrometheusOnItsMetricsPort() {
        ServiceSpec worker =
                TestStacks.withMetrics(TestStacks.worker("worker", "acme/worker"), new Metrics(null, 9100, null));
        AppStack stack = TestStacks.stack(NS, "shop", List.of(), api, worker);
        Collection<NetworkPolicy> policies =
                NetworkPolicies.desired(stack, NETWORK).values();
        Map<String, String> workerPod = pod("shop", "worker");

        assertThat(allowed(policies, "monitoring", Map.of(), workerPod, 9100)).isTrue();
        assertThat(allowed(policies, NS, apiPod, workerPod, 9100))
                .as("no service of the stack calls a worker")
                .isFalse();
        assertThat(allowed(policies, "ingress", Map.of(), workerPod, 9100)).isFalse();
        ServiceSpec silent = TestStacks.worker("worker", "acme/worker");
        assertThat(NetworkPolicies.desired(TestStacks.stack(NS, "shop", List.of(), silent), NETWORK)
                        .get("shop-worker")
                        .getSpec()
                        .getIngress())
                .as("a worker without metrics admits nothing")
                .isNullOrEmpty();
    }

    @Test
    void egressIsRestrictedOnlyWhenAskedAndCanBeTurnedOff() {
        Map<String, NetworkPolicy> open = policies(null);
        assertThat(open.keySet())
                .containsExactly("shop-deny-all", "shop-api", "shop-web", "shop-postgres", "shop-redis");
        assertThat(open.values())
                .allSatisfy(p -> assertThat(p.getSpec().getPolicyTypes()).containsExactly("Ingress"));

        Map<String, NetworkPolicy> closed = policies(new NetworkPolicySpec(true, EgressMode.DeclaredOnly));
        assertThat(closed.get("shop-deny-all").getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(closed.get("shop-api").getSpec().getEgress())
                .anySatisfy(rule -> assertThat(rule.getPorts())
                        .anySatisfy(
                                port -> assertThat(port.getPort().getIntVal()).isEqualTo(5432)));
        assertThat(closed.get("shop-web").getSpec().getEgress())
                .noneSatisfy(rule -> assertThat(rule.getPorts())
                        .anySatisfy(
                                port -> assertThat(port.getPort().getIntVal()).isEqualTo(5432)));
        assertThat(closed.get("shop-web").getSpec().getEgress())
                .anySatisfy(rule -> assertThat(rule.getPorts())
                        .anySatisfy(
                                port -> assertThat(port.getPort().getIntVal()).isEqualTo(53)));

        assertThat(policies(new NetworkPolicySpec(false, null))).isEmpty();
    }

    private Map<String, NetworkPolicy> policies(NetworkPolicySpec spec) {
        AppStack stack = new AppStack();
        stack.setMetadata(new ObjectMetaBuilder()
                .withName("shop")
                .withNamespace(NS)
                .withUid("uid-shop")
                .build());
        stack.setSpec(TestStacks.spec(
                List.of(api, web),
                postgres,
                new StackRedis("7.2", new Quantity("64Mi"), null, null, null),
                null,
                null,
                spec,
                null));
        return NetworkPolicies.desired(stack, NETWORK);
    }

    private static Map<String, String> pod(String stack, String service) {
        return Labels.forService(stack, service);
    }

    /** Ingress from a pod (its namespace and labels) to a pod of the stack's namespace on a TCP port. */
    private static boolean allowed(
            Collection<NetworkPolicy> policies,
            String fromNamespace,
            Map<String, String> from,
            Map<String, String> to,
            int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress")
                        && matches(p.getSpec().getPodSelector(), to))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream()
                .flatMap(p -> p.getSpec().getIngress() == null
                        ? java.util.stream.Stream.empty()
                        : p.getSpec().getIngress().stream())
                .anyMatch(rule -> rule.getFrom().stream().anyMatch(peer -> admits(peer, fromNamespace, from))
                        && (rule.getPorts() == null
                                || rule.getPorts().stream()
                                        .anyMatch(p -> p.getPort().getIntVal() == port)));
    }

    private static boolean admits(NetworkPolicyPeer peer, String fromNamespace, Map<String, String> from) {
        boolean namespace = peer.getNamespaceSelector() == null
                ? NS.equals(fromNamespace)
                : matches(peer.getNamespaceSelector(), Map.of(NetworkPolicies.NAMESPACE_NAME, fromNamespace));
        boolean pod = peer.getPodSelector() == null || matches(peer.getPodSelector(), from);
        return namespace && pod;
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        boolean all = required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        return all
                && expressions.stream().allMatch(e -> switch (e.getOperator()) {
                    case "In" -> e.getValues().contains(labels.get(e.getKey()));
                    case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
                    case "Exists" -> labels.containsKey(e.getKey());
                    case "DoesNotExist" -> !labels.containsKey(e.getKey());
                    default -> throw new IllegalArgumentException(e.getOperator());
                });
    }
}
