package io.atonix.operator.appstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An upgrade from the versions that wrote a dashboard ConfigMap per stack: the operator deletes those (they would
 * otherwise live, and show in Grafana, as long as their stacks) and nothing else that looks like them.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class RetiredDashboardsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> OLD_LABELS = Map.of(
            "app.kubernetes.io/name", "dashboard",
            "app.kubernetes.io/component", "monitoring",
            "app.kubernetes.io/part-of", "shop",
            "app.kubernetes.io/managed-by", "atonix-operator",
            "atonix.io/stack", "shop",
            "grafana_dashboard", "1");

    @Inject
    KubernetesClient client;

    @Test
    void theFirstReconcileDeletesThePerStackDashboardsOfEarlierVersionsAndLeavesOtherConfigMaps() {
        client.resource(configMap("shop-dashboard", true)).create();
        client.resource(configMap("hand-made-dashboard", false)).create();
        AppStack stack = TestStacks.stack("upgraded", "shop", TestStacks.service("web", "nginx:1.27", 8080));
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(configMap("shop-dashboard"))
                        .as("the old dashboard, owned by the stack")
                        .isNull());
        assertThat(configMap("hand-made-dashboard"))
                .as("the same labels but no stack owns it")
                .isNotNull();
    }

    private ConfigMap configMap(String name) {
        return client.configMaps().inNamespace("upgraded").withName(name).get();
    }

    private static ConfigMap configMap(String name, boolean ownedByTheStack) {
        ConfigMapBuilder builder = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("upgraded")
                .withLabels(OLD_LABELS)
                .endMetadata()
                .addToData("atonix-upgraded-shop.json", "{}");
        if (ownedByTheStack) {
            builder.editMetadata()
                    .addNewOwnerReference()
                    .withApiVersion("atonix.io/v1beta1")
                    .withKind("AppStack")
                    .withName("shop")
                    .withUid("uid-of-the-stack")
                    .withController(true)
                    .endOwnerReference()
                    .endMetadata();
        }
        return builder.build();
    }
}
