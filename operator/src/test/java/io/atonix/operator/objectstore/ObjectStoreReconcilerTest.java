package io.atonix.operator.objectstore;

import static io.atonix.operator.objectstore.ObjectStoreStacks.store;
import static io.atonix.operator.objectstore.ObjectStoreStacks.uses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.CrdsInMockServer;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.SecretChecksum;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stack's object stores through the controller against the mock API server: without its credentials Secret the
 * stack says which one is missing and reconciles the rest; once the Secret exists the binding is written, and when
 * it changes the binding and the pods' checksum follow. A Secret of that name in another namespace is never read.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class ObjectStoreReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String NAMESPACE = "objectstore-shop";
    private static final String BINDING = "shop-objectstore-api-files-login";

    @Inject
    KubernetesClient client;

    @Test
    void theBindingWaitsForTheCredentialsSecretOfTheStacksNamespaceAndFollowsItsChanges() {
        client.resource(credentials("objectstore-other", "AKIA-OTHER-TEAM")).create();
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "media"));
        ServiceSpec web = TestStacks.service("web", "acme/web:1", 8080);
        AppStack stack = ObjectStoreStacks.stack(
                NAMESPACE, "shop", List.of(store("media", "http://10.0.7.9:9000", "shop-media", "s3-keys")), api, web);
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(objectStores()).satisfies(c -> {
                assertThat(c.status()).isEqualTo(ComponentStatus.FALSE);
                assertThat(c.message())
                        .contains("Secret s3-keys (spec.objectStores[media].credentials) does not exist in"
                                + " namespace " + NAMESPACE);
            });
            assertThat(deployment("shop-web"))
                    .as("the rest of the stack reconciles")
                    .isNotNull();
            assertThat(deployment("shop-api")).isNotNull();
        });
        assertThat(binding())
                .as("another namespace's Secret of that name is never read")
                .isNull();

        client.resource(credentials(NAMESPACE, "AKIA-FIRST")).create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(value(binding(), "access-key-id")).isEqualTo("AKIA-FIRST");
            assertThat(value(binding(), "bucket")).isEqualTo("shop-media");
            assertThat(objectStores().status()).isEqualTo(ComponentStatus.TRUE);
            assertThat(checksum()).isNotNull();
        });
        String before = checksum();

        client.resource(credentials(NAMESPACE, "AKIA-ROTATED")).update();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(value(binding(), "access-key-id")).isEqualTo("AKIA-ROTATED");
            assertThat(checksum()).as("the pods roll with the new key").isNotEqualTo(before);
        });
    }

    @Test
    void aSecretOfTheBindingsNameThatTheStackDidNotWriteIsLeftAloneAndReported() {
        String namespace = "objectstore-taken";
        client.resource(credentials(namespace, "AKIA-TAKEN")).create();
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(BINDING)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withData(Map.of("mine", encode("the user's own")))
                        .build())
                .create();
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "media"));
        AppStack stack = ObjectStoreStacks.stack(
                namespace, "shop", List.of(store("media", "http://10.0.7.9:9000", "shop-media", "s3-keys")), api);
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack current = client.resources(AppStack.class)
                    .inNamespace(namespace)
                    .withName("shop")
                    .get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().components())
                    .filteredOn(c -> c.component().equals(ObjectStoreProblems.COMPONENT))
                    .singleElement()
                    .satisfies(c -> assertThat(c.message())
                            .contains(
                                    "Secret " + BINDING + " exists and is not the binding of service api's use files"));
        });
        Secret untouched =
                client.secrets().inNamespace(namespace).withName(BINDING).get();
        assertThat(untouched.getData()).containsOnlyKeys("mine");
        assertThat(untouched.getMetadata().getOwnerReferences()).isNullOrEmpty();
    }

    private static Secret credentials(String namespace, String accessKeyId) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName("s3-keys")
                .withNamespace(namespace)
                .endMetadata()
                .withData(Map.of(
                        "AWS_ACCESS_KEY_ID", encode(accessKeyId),
                        "AWS_SECRET_ACCESS_KEY", encode("secret-of-" + accessKeyId)))
                .build();
    }

    private ComponentStatus objectStores() {
        AppStack current = client.resources(AppStack.class)
                .inNamespace(NAMESPACE)
                .withName("shop")
                .get();
        assertThat(current.getStatus()).isNotNull();
        return current.getStatus().components().stream()
                .filter(c -> c.component().equals(ObjectStoreProblems.COMPONENT))
                .findFirst()
                .orElseThrow();
    }

    private Secret binding() {
        return client.secrets().inNamespace(NAMESPACE).withName(BINDING).get();
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
    }

    private String checksum() {
        var annotations =
                deployment("shop-api").getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(SecretChecksum.ANNOTATION);
    }

    private static String value(Secret secret, String key) {
        assertThat(secret).isNotNull();
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
