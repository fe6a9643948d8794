package io.atonix.operator.realcluster;

import static io.atonix.operator.objectstore.ObjectStoreStacks.uses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ObjectStore;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.Updates;
import io.atonix.operator.objectstore.BucketAccess;
import io.atonix.operator.objectstore.BucketAccessSpec;
import io.atonix.operator.objectstore.BucketAccessStatus;
import io.atonix.operator.objectstore.BucketInfo;
import io.atonix.operator.objectstore.ObjectStoreProblems;
import io.atonix.operator.objectstore.ObjectStoreStacks;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Object stores of COSI BucketClaims on a real API server with COSI v0.1.0's real CRDs: the packaged operator, with
 * the chart's rights and the platform's BucketAccessClass, writes a BucketAccess per use that passes the server's
 * schema; the test then plays COSI's sidecar (it writes the BucketInfo Secret the access names) and the service's
 * binding carries the granted endpoint, bucket and keys; then the operator writes nothing while the stack is unchanged.
 * COSI itself does not run.
 */
@ExtendWith(RealCluster.class)
class CosiOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String ACCESS = "shop-objectstore-api-files";

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static ClassCrds apis;
    private static OperatorProcess operator;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "cosi");
        apis = CosiApisOnRealCluster.install(admin);
        operator = OperatorProcess.start(
                RealCluster.plane(),
                "cosi",
                ChartIdentity.of(RealCluster.plane()),
                Map.of("ATONIX_COSI_BUCKET_ACCESS_CLASS_NAME", "platform-s3"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            try {
                if (operator != null) {
                    operator.close();
                }
            } finally {
                if (apis != null) {
                    apis.close();
                }
                if (admin != null) {
                    admin.close();
                }
            }
        }
    }

    @Test
    void aBucketAccessPassesTheServerAndOnceCosiGrantsItTheServiceIsBoundToTheGrantedBucket() throws Exception {
        String ns = namespaces.restricted("shop");
        ServiceSpec api = TestStacks.withUses(TestStacks.service("api", "acme/api:1", 5000), uses("files", "media"));
        AppStack stack =
                ObjectStoreStacks.stack(ns, "shop", List.of(ObjectStore.claim("media", "shop-media", null)), api);
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        admin.resource(stack).create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            BucketAccess access = admin.resources(BucketAccess.class)
                    .inNamespace(ns)
                    .withName(ACCESS)
                    .get();
            assertThat(access)
                    .as("the BucketAccess, stored by a server that checks COSI's schema")
                    .isNotNull();
            assertThat(access.getSpec())
                    .isEqualTo(new BucketAccessSpec("shop-media", "platform-s3", ACCESS + "-cosi", "S3"));
            assertThat(access.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(o -> assertThat(o.getKind() + "/" + o.getName()).isEqualTo("AppStack/shop"));
            assertThat(objectStores(ns).status()).isEqualTo(ComponentStatus.FALSE);
            assertThat(objectStores(ns).message()).contains("COSI has not granted BucketAccess " + ACCESS);
        });
        assertThat(admin.secrets()
                        .inNamespace(ns)
                        .withName("shop-objectstore-api-files-login")
                        .get())
                .as("no binding before COSI granted the access")
                .isNull();

        // COSI's sidecar would now write the Secret the BucketAccess names.
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(ACCESS + "-cosi")
                        .withNamespace(ns)
                        .endMetadata()
                        .withStringData(Map.of(
                                BucketInfo.KEY,
                                "{\"spec\":{\"bucketName\":\"shop-media-1a2b\",\"authenticationType\":\"KEY\","
                                        + "\"secretS3\":{\"endpoint\":\"http://10.0.7.9:9000\",\"region\":\"eu-1\","
                                        + "\"accessKeyID\":\"AKIA-COSI\",\"accessSecretKey\":\"granted\"},"
                                        + "\"protocols\":[\"s3\"]}}"))
                        .build())
                .create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Secret binding = admin.secrets()
                    .inNamespace(ns)
                    .withName("shop-objectstore-api-files-login")
                    .get();
            assertThat(binding).isNotNull();
            assertThat(value(binding, "endpoint")).isEqualTo("http://10.0.7.9:9000");
            assertThat(value(binding, "bucket")).isEqualTo("shop-media-1a2b");
            assertThat(value(binding, "region")).isEqualTo("eu-1");
            assertThat(value(binding, "access-key-id")).isEqualTo("AKIA-COSI");
            assertThat(value(binding, "secret-access-key")).isEqualTo("granted");
            assertThat(objectStores(ns).status()).isEqualTo(ComponentStatus.TRUE);
        });
        Deployment deployment =
                admin.apps().deployments().inNamespace(ns).withName("shop-api").get();
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv())
                .filteredOn(e -> e.getName().equals("AWS_ACCESS_KEY_ID"))
                .extracting(EnvVar::getValueFrom)
                .singleElement()
                .satisfies(from ->
                        assertThat(from.getSecretKeyRef().getName()).isEqualTo("shop-objectstore-api-files-login"));

        // Steady state: COSI reports the access granted, the stack reconciles, and the operator writes nothing (what
        // the server defaulted in COSI's object is no drift).
        AuditLog audit = new AuditLog(RealCluster.plane().auditLog());
        audit.awaitSettled(operator.user(), ns, Duration.ofSeconds(5), TIMEOUT);
        long mark = audit.mark();
        Instant windowStart = Instant.now();
        long before = operator.reconciliationsOf(ns, "shop");
        Updates.changeStatus(
                admin, BucketAccess.class, ns, ACCESS, a -> a.setStatus(new BucketAccessStatus(true, "account-1")));
        assertThat(audit.writesDuring(
                        operator.user(),
                        ns,
                        mark,
                        windowStart,
                        Duration.ofSeconds(10),
                        () -> operator.reconciliationsOf(ns, "shop") > before,
                        TIMEOUT))
                .as("writing requests of the operator while reconciling an unchanged stack")
                .isEmpty();
    }

    private static ComponentStatus objectStores(String ns) {
        AppStack stack =
                admin.resources(AppStack.class).inNamespace(ns).withName("shop").get();
        assertThat(stack.getStatus()).isNotNull();
        return stack.getStatus().components().stream()
                .filter(c -> c.component().equals(ObjectStoreProblems.COMPONENT))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ObjectStores component in " + stack.getStatus()));
    }

    private static String value(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
