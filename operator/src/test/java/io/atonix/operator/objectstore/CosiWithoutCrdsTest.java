package io.atonix.operator.objectstore;

import static io.atonix.operator.objectstore.ObjectStoreStacks.uses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.CrdsInMockServer;
import io.atonix.operator.appstack.TestStacks;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stack whose object store names a BucketClaim, in a cluster without COSI's CRDs: the stack says COSI is missing
 * for that store, writes no binding, and reconciles the rest; the operator raises no error.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class CosiWithoutCrdsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String NAMESPACE = "cosi-missing";

    @Inject
    KubernetesClient client;

    @Test
    void aClaimedStoreWithoutCosiIsReportedAndTheRestOfTheStackReconciles() {
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "media"));
        AppStack stack = ObjectStoreStacks.stack(
                NAMESPACE, "shop", List.of(ObjectStore.claim("media", "shop-media", "s3-keys")), api);
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack current = client.resources(AppStack.class)
                    .inNamespace(NAMESPACE)
                    .withName("shop")
                    .get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().components())
                    .filteredOn(c -> c.component().equals(ObjectStoreProblems.COMPONENT))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.status()).isEqualTo(ComponentStatus.FALSE);
                        assertThat(c.message())
                                .contains("object store media names BucketClaim shop-media, but COSI is not"
                                        + " installed in this cluster");
                    });
            assertThat(client.apps()
                            .deployments()
                            .inNamespace(NAMESPACE)
                            .withName("shop-api")
                            .get())
                    .as("the rest of the stack reconciles")
                    .isNotNull();
        });
        assertThat(client.secrets()
                        .inNamespace(NAMESPACE)
                        .withName("shop-objectstore-api-files-login")
                        .get())
                .isNull();
    }
}
