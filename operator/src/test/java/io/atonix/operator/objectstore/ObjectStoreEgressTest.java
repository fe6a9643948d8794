package io.atonix.operator.objectstore;

import static io.atonix.operator.objectstore.ObjectStoreStacks.stack;
import static io.atonix.operator.objectstore.ObjectStoreStacks.store;
import static io.atonix.operator.objectstore.ObjectStoreStacks.uses;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.EgressDestination;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.EgressPort;
import io.atonix.api.v1beta1.appstack.IpBlock;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.AppStackValidator;
import io.atonix.operator.appstack.NetworkPolicies;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.NetworkSettings;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under egress DeclaredOnly, a service reaches an object store given by IP address at that address; one given by a
 * host name needs a destination of egressTo, since a policy cannot name a host.
 */
class ObjectStoreEgressTest {
    private static final NetworkSettings NETWORK = new NetworkSettings("ingress", "monitoring", "atonix-system");

    private static List<NetworkPolicyEgressRule> egress(AppStack stack, String service) {
        return NetworkPolicies.desired(stack, NETWORK)
                .get("shop-" + service)
                .getSpec()
                .getEgress();
    }

    @Test
    void anEndpointGivenByIpAddressIsReachedAtThatAddressAndPortOnly() {
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "minio"));
        AppStack shop = stack("shop", "shop", List.of(store("minio", "http://10.0.7.9:9000", "media", "keys")), api);

        List<NetworkPolicyEgressRule> toAddresses = egress(shop, "api").stream()
                .filter(rule ->
                        rule.getTo() != null && rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null))
                .toList();
        assertThat(toAddresses).singleElement().satisfies(rule -> {
            assertThat(rule.getTo())
                    .singleElement()
                    .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.0.7.9/32"));
            assertThat(rule.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getProtocol()).isEqualTo("TCP");
                assertThat(port.getPort().getIntVal()).isEqualTo(9000);
            });
        });
    }

    @Test
    void anIpv6EndpointIsReachedAtItsOneAddress() {
        assertThat(ObjectStoreEndpoint.of("https://[fd00::12]:8443/").cidr()).contains("fd00::12/128");
        assertThat(ObjectStoreEndpoint.of("https://[fd00::12]:8443/").port()).isEqualTo(8443);
    }

    @Test
    void anEndpointGivenByNameOpensNoPortToEveryAddressAndTheStackMustDeclareItsWayOut() {
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "s3"));
        AppStack shop =
                stack("shop", "shop", List.of(store("s3", "https://s3.eu-west-1.amazonaws.com", "media", "keys")), api);

        assertThat(egress(shop, "api"))
                .noneMatch(rule -> rule.getTo() == null || rule.getTo().isEmpty());
        assertThat(AppStackValidator.validate(shop))
                .extracting(SpecProblem::toString)
                .containsExactly("spec.services[0].uses[0].objectStore: under egress DeclaredOnly, service api reaches"
                        + " object store s3 at the host name s3.eu-west-1.amazonaws.com, which a NetworkPolicy cannot"
                        + " name: declare its way out in spec.networkPolicy.egressTo with a from that names api and TCP"
                        + " port 443 (the provider's address ranges, an egress gateway, or the store's pods), or give"
                        + " the endpoint by IP address");
    }

    @Test
    void aDestinationOfEgressToOnTheEndpointsPortIsTheWayOutToANamedEndpoint() {
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "s3"));
        AppStack shop =
                stack("shop", "shop", List.of(store("s3", "https://s3.eu-west-1.amazonaws.com", "media", "keys")), api);
        var ranges = new EgressDestination(
                "s3", new IpBlock("198.51.100.0/24", null), null, null, List.of(new EgressPort(443, null, null)), null);
        var elsewhere = new EgressDestination(
                "s3",
                new IpBlock("198.51.100.0/24", null),
                null,
                null,
                List.of(new EgressPort(8443, null, null)),
                null);

        assertThat(AppStackValidator.validate(withEgressTo(shop, ranges))).isEmpty();
        assertThat(AppStackValidator.validate(withEgressTo(shop, elsewhere))).hasSize(1);
    }

    private static AppStack withEgressTo(AppStack stack, EgressDestination destination) {
        var spec = stack.getSpec();
        stack.setSpec(new AppStackSpec(
                spec.services(),
                null,
                null,
                null,
                null,
                new NetworkPolicySpec(null, EgressMode.DeclaredOnly, List.of(destination)),
                null,
                null,
                null,
                null,
                null,
                spec.jobs(),
                spec.objectStores()));
        return stack;
    }

    @Test
    void aServiceThatUsesNoObjectStoreGetsNoWayOutToIt() {
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "minio"));
        ServiceSpec web = TestStacks.service("web", "acme/web:1", 8080);
        AppStack shop =
                stack("shop", "shop", List.of(store("minio", "http://10.0.7.9:9000", "media", "keys")), api, web);

        assertThat(egress(shop, "web"))
                .noneMatch(rule ->
                        rule.getTo() != null && rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null));
        assertThat(egress(shop, "web")).noneMatch(rule -> rule.getTo() == null);
    }

    @Test
    void thePortOfAnEndpointWithoutOneIsTheSchemes() {
        assertThat(ObjectStoreEndpoint.of("https://s3.amazonaws.com").port()).isEqualTo(443);
        assertThat(ObjectStoreEndpoint.of("http://minio.storage.svc/").port()).isEqualTo(80);
        assertThat(ObjectStoreEndpoint.of("http://minio.storage.svc/").ip()).isEmpty();
    }
}
