package io.atonix.operator.objectstore;

import static io.atonix.operator.objectstore.ObjectStoreStacks.stack;
import static io.atonix.operator.objectstore.ObjectStoreStacks.store;
import static io.atonix.operator.objectstore.ObjectStoreStacks.uses;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.NetworkPolicies;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.NetworkSettings;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Under egress DeclaredOnly, a service reaches the endpoints of the object stores it uses, and only those services. */
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
    void anEndpointGivenByNameIsReachedOnItsPortAtAnyAddressSinceAPolicyCannotNameAHost() {
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "s3"));
        AppStack shop =
                stack("shop", "shop", List.of(store("s3", "https://s3.eu-west-1.amazonaws.com", "media", "keys")), api);

        List<NetworkPolicyEgressRule> https = egress(shop, "api").stream()
                .filter(rule -> rule.getPorts() != null
                        && rule.getPorts().size() == 1
                        && rule.getPorts().get(0).getPort().getIntVal() == 443)
                .toList();
        assertThat(https)
                .singleElement()
                .satisfies(rule -> assertThat(rule.getTo()).isNullOrEmpty());
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
