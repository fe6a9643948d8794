package io.atonix.operator.objectstore;

import static io.atonix.operator.objectstore.ObjectStoreStacks.uses;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.CosiSettings;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Object stores that name a COSI BucketClaim: a BucketAccess per use, and the binding from what COSI grants. */
class CosiBindingsTest {
    static final String INFO = """
            {"metadata":{"name":"bc-1"},"spec":{"bucketName":"media-4f1c","authenticationType":"KEY",
             "secretS3":{"endpoint":"http://10.0.7.9:9000","region":"eu-1","accessKeyID":"AKIA-COSI",
             "accessSecretKey":"s3cr3t"},"secretAzure":null,"protocols":["s3"]}}""";

    static AppStack stack(ObjectStore store) {
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "media"));
        ServiceSpec web = TestStacks.withUses(TestStacks.service("web", "acme/web:1", 8080), uses("assets", "media"));
        return ObjectStoreStacks.stack("team", "shop", List.of(store), api, web);
    }

    static Secret cosiSecret(String name, String info) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("team")
                .endMetadata()
                .withData(Map.of(
                        BucketInfo.KEY, Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    private static String value(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    @Test
    void eachUseOfAClaimedStoreGetsItsOwnBucketAccessOfTheStackWithTheStoresClassOrElseThePlatforms() {
        AppStack stack = stack(ObjectStore.claim("media", "shop-media", null));
        Map<String, BucketAccess> accesses = BucketAccesses.desired(stack, new CosiSettings("s3-keys"));
        assertThat(accesses).containsOnlyKeys("shop-objectstore-api-files", "shop-objectstore-web-assets");
        BucketAccess api = accesses.get("shop-objectstore-api-files");
        assertThat(api.getSpec())
                .isEqualTo(new BucketAccessSpec("shop-media", "s3-keys", "shop-objectstore-api-files-cosi", "S3"));
        assertThat(api.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(api.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind() + "/" + o.getName()).isEqualTo("AppStack/shop"));
        assertThat(api.getMetadata().getLabels())
                .containsEntry("atonix.io/stack", "shop")
                .containsEntry("atonix.io/service", "api")
                .containsEntry("app.kubernetes.io/component", "objectstore-access");
        assertThat(BucketAccesses.desired(
                                stack(ObjectStore.claim("media", "shop-media", "own")), new CosiSettings("s3-keys"))
                        .get("shop-objectstore-web-assets")
                        .getSpec()
                        .bucketAccessClassName())
                .isEqualTo("own");
    }

    @Test
    void aStoreGivenByEndpointGetsNoBucketAccess() {
        AppStack stack = stack(ObjectStoreStacks.store("media", "http://10.0.7.9:9000", "media", "keys"));
        assertThat(BucketAccesses.desired(stack, new CosiSettings("s3-keys"))).isEmpty();
    }

    @Test
    void aClaimedStoreWithoutAnyBucketAccessClassIsRefusedWithTheSettingToSet() {
        AppStack stack = stack(ObjectStore.claim("media", "shop-media", null));
        assertThat(CosiValidator.problems(stack.getSpec(), CosiSettings.none()))
                .extracting(SpecProblem::field)
                .containsExactly("spec.objectStores[0].bucketAccessClassName");
        assertThat(CosiValidator.problems(stack.getSpec(), new CosiSettings("s3-keys")))
                .isEmpty();
    }

    @Test
    void theBindingCarriesTheEndpointBucketRegionAndKeysCosiWroteAsBucketInfo() {
        AppStack stack = stack(ObjectStore.claim("media", "shop-media", null));
        ObjectStoreBindings.Binding api = ObjectStoreBindings.of(stack).get(0);
        BucketInfo info = BucketInfo.of(cosiSecret("shop-objectstore-api-files-cosi", INFO))
                .info()
                .orElseThrow();
        Secret binding = ObjectStoreBindings.desired(stack, api, info);
        assertThat(binding.getMetadata().getName()).isEqualTo("shop-objectstore-api-files-login");
        assertThat(binding.getType()).isEqualTo("servicebinding.io/s3");
        assertThat(value(binding, "endpoint")).isEqualTo("http://10.0.7.9:9000");
        assertThat(value(binding, "bucket")).isEqualTo("media-4f1c");
        assertThat(value(binding, "region")).isEqualTo("eu-1");
        assertThat(value(binding, "access-key-id")).isEqualTo("AKIA-COSI");
        assertThat(value(binding, "secret-access-key")).isEqualTo("s3cr3t");
        assertThat(value(binding, "type")).isEqualTo("s3");
        assertThat(value(binding, "provider")).isEqualTo("cosi");
    }

    @Test
    void aBucketInfoWithoutS3KeysOrNotJsonSaysWhyItCannotBind() {
        assertThat(BucketInfo.of(cosiSecret("x", "{\"spec\":{\"bucketName\":\"b\",\"secretAzure\":{}}}"))
                        .problem())
                .contains("without an S3 bucket, endpoint and access key");
        assertThat(BucketInfo.of(cosiSecret("x", "not json")).problem()).contains("not JSON");
        assertThat(BucketInfo.of(new SecretBuilder().build()).problem()).contains("has no key BucketInfo");
        BucketInfo bare = BucketInfo.of(cosiSecret(
                        "x",
                        "{\"spec\":{\"bucketName\":\"b\",\"secretS3\":{\"endpoint\":\"s3.example.com\","
                                + "\"accessKeyID\":\"a\",\"accessSecretKey\":\"k\"}}}"))
                .info()
                .orElseThrow();
        assertThat(bare.endpoint()).as("a bare host is taken as https").isEqualTo("https://s3.example.com");
        assertThat(bare.region()).isEqualTo("us-east-1");
    }

    @Test
    void theServicesWayOutIsToTheGrantedEndpointOnceCosiNamedIt() {
        AppStack stack = stack(ObjectStore.claim("media", "shop-media", null));
        ServiceSpec api = stack.getSpec().services().get(0);
        assertThat(ObjectStoreEgress.rules(stack.getSpec(), api, GrantedEndpoints.none()))
                .isEmpty();
        assertThat(ObjectStoreEgress.rules(
                        stack.getSpec(), api, new GrantedEndpoints(Map.of("media", "http://10.0.7.9:9000"))))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.getTo().get(0).getIpBlock().getCidr()).isEqualTo("10.0.7.9/32");
                    assertThat(rule.getPorts().get(0).getPort().getIntVal()).isEqualTo(9000);
                });
    }
}
