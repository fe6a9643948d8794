package io.atonix.operator.appstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.EgressDestination;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.EgressPort;
import io.atonix.api.v1beta1.appstack.IpBlock;
import io.atonix.api.v1beta1.appstack.LabelRequirement;
import io.atonix.api.v1beta1.appstack.LabelSelection;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.ServicePort;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.ObjectStoreCredentials;
import io.atonix.api.v1beta1.postgres.ObjectStoreSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.NetworkSettings;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * spec.networkPolicy.egressTo, judged the way a network plugin judges egress ({@link EgressJudge}): a connection from
 * a pod of the stack goes out when no policy selecting the pod restricts egress, or one of their egress rules admits
 * the destination and the port.
 */
class EgressToTest {
    private static final NetworkSettings NETWORK = new NetworkSettings("ingress", "monitoring", "atonix-system");
    private static final String NS = "shop-ns";

    private final ServiceSpec api =
            TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), TestUses.postgres("shop", "shop"));
    private final ServiceSpec web = TestStacks.service("web", "acme/web:1", 8080);
    private final Map<String, String> apiPod = Labels.forService("shop", "api");
    private final Map<String, String> webPod = Labels.forService("shop", "web");
    private final Map<String, String> postgresPod = Labels.forPostgres("shop-postgres", "shop");

    private final EgressDestination payments = new EgressDestination(
            "payments",
            new IpBlock("203.0.113.0/24", List.of("203.0.113.128/25")),
            null,
            null,
            List.of(new EgressPort(443, null, null)),
            List.of("api"));

    @Test
    void aServiceNamedInFromReachesTheRangeOnTheDeclaredPortAndNoOtherServiceDoes() {
        Collection<NetworkPolicy> policies = policies(closed(payments));

        assertThat(EgressJudge.reaches(policies, apiPod, EgressJudge.ip("203.0.113.10"), 443, "TCP"))
                .isTrue();
        assertThat(EgressJudge.reaches(policies, apiPod, EgressJudge.ip("203.0.113.10"), 80, "TCP"))
                .as("only the declared port")
                .isFalse();
        assertThat(EgressJudge.reaches(policies, apiPod, EgressJudge.ip("203.0.113.10"), 443, "UDP"))
                .as("only the declared protocol")
                .isFalse();
        assertThat(EgressJudge.reaches(policies, apiPod, EgressJudge.ip("203.0.113.200"), 443, "TCP"))
                .as("an exception stays closed")
                .isFalse();
        assertThat(EgressJudge.reaches(policies, apiPod, EgressJudge.ip("198.51.100.10"), 443, "TCP"))
                .as("outside the range")
                .isFalse();
        assertThat(EgressJudge.reaches(policies, webPod, EgressJudge.ip("203.0.113.10"), 443, "TCP"))
                .as("web is not named in from")
                .isFalse();
        assertThat(EgressJudge.reaches(policies, postgresPod, EgressJudge.ip("203.0.113.10"), 443, "TCP"))
                .isFalse();
    }

    @Test
    void anEmptyFromLetsEveryServiceGoButNotTheDatabase() {
        EgressDestination everyone = new EgressDestination(
                "mail", new IpBlock("192.0.2.25/32", null), null, null, List.of(new EgressPort(587, null, null)), null);
        Collection<NetworkPolicy> policies = policies(closed(everyone));

        assertThat(EgressJudge.reaches(policies, apiPod, EgressJudge.ip("192.0.2.25"), 587, "TCP"))
                .isTrue();
        assertThat(EgressJudge.reaches(policies, webPod, EgressJudge.ip("192.0.2.25"), 587, "TCP"))
                .isTrue();
        assertThat(EgressJudge.reaches(policies, postgresPod, EgressJudge.ip("192.0.2.25"), 587, "TCP"))
                .as("the database is never among every service")
                .isFalse();
    }

    @Test
    void aDestinationWithoutPortsIsOpenOnEveryPortAndARangeOnItsPorts() {
        EgressDestination anyPort = new EgressDestination(
                "partner", new IpBlock("198.51.100.0/24", null), null, null, null, List.of("web"));
        EgressDestination range = new EgressDestination(
                "media",
                new IpBlock("192.0.2.0/24", null),
                null,
                null,
                List.of(new EgressPort(10000, 10100, ServicePort.Protocol.UDP)),
                List.of("web"));
        Collection<NetworkPolicy> policies = policies(closed(anyPort, range));

        assertThat(EgressJudge.reaches(policies, webPod, EgressJudge.ip("198.51.100.7"), 8443, "TCP"))
                .isTrue();
        assertThat(EgressJudge.reaches(policies, webPod, EgressJudge.ip("198.51.100.7"), 53, "UDP"))
                .isTrue();
        assertThat(EgressJudge.reaches(policies, webPod, EgressJudge.ip("192.0.2.9"), 10050, "UDP"))
                .isTrue();
        assertThat(EgressJudge.reaches(policies, webPod, EgressJudge.ip("192.0.2.9"), 10101, "UDP"))
                .isFalse();
        assertThat(EgressJudge.reaches(policies, webPod, EgressJudge.ip("192.0.2.9"), 10050, "TCP"))
                .isFalse();
    }

    @Test
    void selectorsReachPodsInTheNamespacesTheySelect() {
        EgressDestination minio = new EgressDestination(
                "minio",
                null,
                new LabelSelection(Map.of(NetworkPolicies.NAMESPACE_NAME, "storage"), null),
                new LabelSelection(
                        null, List.of(new LabelRequirement("app", LabelRequirement.Operator.In, List.of("minio")))),
                List.of(new EgressPort(9000, null, null)),
                List.of("api"));
        EgressDestination sameNamespace = new EgressDestination(
                "search", null, null, new LabelSelection(Map.of("app", "search"), null), null, List.of("web"));
        Collection<NetworkPolicy> policies = policies(closed(minio, sameNamespace));
        Map<String, String> minioPod = Map.of("app", "minio");

        assertThat(EgressJudge.reaches(policies, apiPod, EgressJudge.pod("storage", minioPod), 9000, "TCP"))
                .isTrue();
        assertThat(EgressJudge.reaches(policies, apiPod, EgressJudge.pod("elsewhere", minioPod), 9000, "TCP"))
                .as("same labels, another namespace")
                .isFalse();
        assertThat(EgressJudge.reaches(
                        policies, apiPod, EgressJudge.pod("storage", Map.of("app", "other")), 9000, "TCP"))
                .isFalse();
        assertThat(EgressJudge.reaches(policies, webPod, EgressJudge.pod("storage", minioPod), 9000, "TCP"))
                .isFalse();
        assertThat(EgressJudge.reaches(policies, webPod, EgressJudge.pod(NS, Map.of("app", "search")), 9200, "TCP"))
                .as("a pod selector alone selects in the stack's namespace")
                .isTrue();
        assertThat(EgressJudge.reaches(
                        policies, webPod, EgressJudge.pod("other", Map.of("app", "search")), 9200, "TCP"))
                .isFalse();
    }

    @Test
    void postgresNamedInFromReachesItsObjectStore() {
        EgressDestination store = new EgressDestination(
                "backups",
                new IpBlock("198.51.100.0/24", null),
                null,
                null,
                List.of(new EgressPort(443, null, null)),
                List.of(EgressDestination.POSTGRES));
        Collection<NetworkPolicy> policies = policies(closed(store));

        assertThat(EgressJudge.reaches(policies, postgresPod, EgressJudge.ip("198.51.100.20"), 443, "TCP"))
                .isTrue();
        assertThat(EgressJudge.reaches(policies, apiPod, EgressJudge.ip("198.51.100.20"), 443, "TCP"))
                .isFalse();
        assertThat(EgressJudge.reaches(policies, postgresPod, EgressJudge.ip("203.0.113.10"), 443, "TCP"))
                .as("DeclaredOnly still closes the rest to the database")
                .isFalse();
    }

    @Test
    void underOpenTheDestinationsChangeNothing() {
        NetworkPolicySpec open = new NetworkPolicySpec(true, EgressMode.Open, List.of(payments));

        assertThat(NetworkPolicies.desired(stack(open), NETWORK))
                .isEqualTo(NetworkPolicies.desired(stack(new NetworkPolicySpec(true, EgressMode.Open)), NETWORK));
        assertThat(EgressJudge.reaches(policies(open), webPod, EgressJudge.ip("198.51.100.10"), 25, "TCP"))
                .isTrue();
    }

    private static NetworkPolicySpec closed(EgressDestination... destinations) {
        return new NetworkPolicySpec(true, EgressMode.DeclaredOnly, List.of(destinations));
    }

    private Collection<NetworkPolicy> policies(NetworkPolicySpec spec) {
        return NetworkPolicies.desired(stack(spec), NETWORK).values();
    }

    private AppStack stack(NetworkPolicySpec spec) {
        ObjectStoreSpec store = new ObjectStoreSpec(
                "https://s3.example.com", "archive", null, null, new ObjectStoreCredentials("s3", null, null), null);
        StackPostgres postgres = new StackPostgres(
                "16",
                null,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", null)),
                null,
                null,
                new BackupSpec("0 3 * * *", null, null, store),
                null);
        return TestStacks.stack(NS, "shop", TestStacks.spec(List.of(api, web), postgres, null, null, null, spec, null));
    }
}
