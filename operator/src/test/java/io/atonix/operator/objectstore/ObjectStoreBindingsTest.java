package io.atonix.operator.objectstore;

import static io.atonix.operator.objectstore.ObjectStoreStacks.stack;
import static io.atonix.operator.objectstore.ObjectStoreStacks.store;
import static io.atonix.operator.objectstore.ObjectStoreStacks.uses;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.BindingChecksums;
import io.atonix.operator.appstack.Deployments;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.binding.ObjectStoreBinding;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The binding Secret of a use of an object store, and the variables a service reads from it. */
class ObjectStoreBindingsTest {
    private static final ObjectStore MEDIA =
            store("media", "https://s3.eu-west-1.amazonaws.com", "shop-media", "s3-keys");
    private static final ServiceSpec API =
            TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "media"));

    private static Map<String, String> keys(String id, String secret) {
        return Map.of(
                "AWS_ACCESS_KEY_ID", encode(id),
                "AWS_SECRET_ACCESS_KEY", encode(secret));
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> decoded(Secret secret) {
        Map<String, String> values = new TreeMap<>();
        secret.getData()
                .forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return values;
    }

    @Test
    void theBindingSecretHoldsTheServiceBindingKeysOfTheStoreAndTheCopiedAccessKey() {
        AppStack shop = stack("shop", "shop", List.of(MEDIA), API);
        var binding = ObjectStoreBindings.of(shop).get(0);

        Secret secret = ObjectStoreBindings.desired(shop, binding, keys("AKIA1", "s3cr3t"))
                .orElseThrow();

        assertThat(secret.getType()).isEqualTo("servicebinding.io/s3");
        assertThat(decoded(secret))
                .containsEntry("type", "s3")
                .containsEntry("endpoint", "https://s3.eu-west-1.amazonaws.com")
                .containsEntry("bucket", "shop-media")
                .containsEntry("region", "us-east-1")
                .containsEntry("access-key-id", "AKIA1")
                .containsEntry("secret-access-key", "s3cr3t");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(secret.getMetadata().getLabels())
                .containsEntry(Labels.PART_OF, "shop")
                .containsEntry(Labels.COMPONENT, ObjectStoreBindings.COMPONENT);
        assertThat(secret.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo("shop"));
    }

    @Test
    void theBindingSecretIsNamedAfterTheStackTheServiceAndTheUse() {
        AppStack shop = stack("team", "shop", List.of(MEDIA), API);
        AppStack blog = stack("team", "blog", List.of(MEDIA), API);

        String shops = ObjectStoreBindings.secretName(shop, API, API.uses().get(0));
        String blogs = ObjectStoreBindings.secretName(blog, API, API.uses().get(0));

        assertThat(shops).isEqualTo("shop-objectstore-api-files-login");
        assertThat(blogs).isEqualTo("blog-objectstore-api-files-login").isNotEqualTo(shops);
    }

    @Test
    void withoutOneOfTheAccessKeysThereIsNoBinding() {
        AppStack shop = stack("shop", "shop", List.of(MEDIA), API);
        var binding = ObjectStoreBindings.of(shop).get(0);

        assertThat(ObjectStoreBindings.desired(shop, binding, Map.of("AWS_ACCESS_KEY_ID", encode("AKIA1"))))
                .isEmpty();
    }

    @Test
    void aSecretOfTheBindingsNameThatTheStackDidNotWriteIsNotItsOwn() {
        AppStack shop = stack("shop", "shop", List.of(MEDIA), API);
        Secret own = ObjectStoreBindings.desired(
                        shop, ObjectStoreBindings.of(shop).get(0), keys("a", "b"))
                .orElseThrow();
        Secret users = new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata()
                .withName(own.getMetadata().getName())
                .endMetadata()
                .build();
        Secret otherStacks = new io.fabric8.kubernetes.api.model.SecretBuilder(own)
                .editMetadata()
                .addToLabels(Labels.PART_OF, "shop-objectstore")
                .endMetadata()
                .build();

        assertThat(ObjectStoreBindings.owns(shop, own)).isTrue();
        assertThat(ObjectStoreBindings.owns(shop, users)).isFalse();
        assertThat(ObjectStoreBindings.owns(shop, otherStacks)).isFalse();
    }

    @Test
    void theServiceReadsTheAwsVariablesAndTheBucketFromItsBindingSecret() {
        AppStack shop = stack("shop", "shop", List.of(MEDIA), API);

        List<EnvVar> env = Deployments.desired(shop, API, BindingChecksums.placeholder())
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv();

        assertThat(env)
                .extracting(EnvVar::getName)
                .containsExactly(
                        "AWS_ACCESS_KEY_ID",
                        "AWS_SECRET_ACCESS_KEY",
                        "AWS_ENDPOINT_URL_S3",
                        "AWS_REGION",
                        "AWS_DEFAULT_REGION",
                        "S3_BUCKET");
        assertThat(env).allSatisfy(variable -> {
            assertThat(variable.getValue()).isNull();
            assertThat(variable.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("shop-objectstore-api-files-login");
        });
        assertThat(env.get(5).getValueFrom().getSecretKeyRef().getKey()).isEqualTo(ObjectStoreBinding.BUCKET);
    }

    @Test
    void theCredentialsSecretIsLookedUpInTheStacksOwnNamespaceOnly() {
        AppStack shop = stack("shop", "shop", List.of(MEDIA), API);

        assertThat(CredentialsSecrets.named(shop)).containsExactly("shop/s3-keys");
    }
}
