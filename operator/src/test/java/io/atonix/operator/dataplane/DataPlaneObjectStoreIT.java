package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.dataplane.probe.S3Requests;
import io.atonix.operator.objectstore.MotoAccessKeys;
import io.atonix.operator.objectstore.S3Server;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An object store binding used on the data plane, through the packaged operator: a service running the probe
 * application writes and reads its bucket on a real S3-compatible server on loopback (moto, {@link S3Server}) with
 * nothing but the environment the operator gave its pod, and what it wrote is in the bucket for any other client.
 * The server checks every request's signature against the access key it issued ({@link MotoAccessKeys}), which the
 * test put in the stack's credentials Secret: a wrong key is refused, so the key the binding carried let it in.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class DataPlaneObjectStoreIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final String STACK = "files";
    private static final String BUCKET = "files-media";
    private static final String REGION = "eu-central-1";

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static ProbeCalls probes;
    private static S3Server s3;
    private static MotoAccessKeys.AccessKey key;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-objstore");
        namespace = namespaces.restricted("files");
        DataPlane.admit(admin, namespace);
        probes = new ProbeCalls(admin, namespace, STACK);
        s3 = S3Server.start(RealCluster.plane().work().resolve("moto-objectstore.log"));
        s3.createBucket(BUCKET);
        key = MotoAccessKeys.issue(s3, "files-uploader");
        MotoAccessKeys.enforce(s3);
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("media-keys")
                        .withNamespace(namespace)
                        .endMetadata()
                        .withStringData(Map.of("id", key.id(), "secret", key.secret()))
                        .build())
                .create();
        operator = OperatorProcess.start(RealCluster.plane(), "dp-objstore");
        try (var yaml = DataPlaneObjectStoreIT.class.getResourceAsStream("/dataplane/objectstore-stack.yaml")) {
            String stack = new String(yaml.readAllBytes(), StandardCharsets.UTF_8).replace("ENDPOINT", s3.endpoint());
            admin.resources(AppStack.class)
                    .inNamespace(namespace)
                    .load(new ByteArrayInputStream(stack.getBytes(StandardCharsets.UTF_8)))
                    .create();
        }
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(ready()).as(STACK + " Ready").isTrue());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            if (operator != null) {
                operator.close();
            }
            if (s3 != null) {
                s3.close();
            }
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void theServiceWritesAndReadsItsBucketWithTheEnvironmentItWasGivenAndOtherClientsSeeTheObject() throws Exception {
        assertThat(probes.env("uploader"))
                .contains(
                        "AWS_ACCESS_KEY_ID",
                        "AWS_SECRET_ACCESS_KEY",
                        "AWS_ENDPOINT_URL_S3",
                        "AWS_REGION",
                        "AWS_DEFAULT_REGION",
                        "S3_BUCKET");
        assertThat(probes.env("other")).doesNotContain("AWS_ACCESS_KEY_ID", "S3_BUCKET");

        assertThat(probes.s3("uploader", "key=invoices/1.txt", "invoice one")).isEqualTo("ok");
        assertThat(probes.s3("uploader", "key=invoices/1.txt", "")).isEqualTo("ok\ninvoice one");
        assertThat(probes.s3("other", "key=invoices/1.txt", "")).startsWith("refused no AWS_ENDPOINT_URL_S3");

        var read = new S3Requests(s3.endpoint(), REGION, key.id(), key.secret()).get(BUCKET, "invoices/1.txt");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("invoice one");
    }

    @Test
    void theServerChecksTheKeySoTheBindingsKeyIsWhatLetTheServiceIn() throws Exception {
        var wrong =
                new S3Requests(s3.endpoint(), REGION, key.id(), "not-" + key.secret()).get(BUCKET, "invoices/1.txt");
        assertThat(wrong.statusCode()).isEqualTo(403);
        var unknown = new S3Requests(s3.endpoint(), REGION, "AKIAUNKNOWN", key.secret()).get(BUCKET, "invoices/1.txt");
        assertThat(unknown.statusCode()).isEqualTo(403);
    }

    private static boolean ready() {
        AppStack stack = admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(STACK)
                .get();
        return stack != null
                && stack.getStatus() != null
                && Conditions.find(stack.getStatus().conditions(), ConditionTypes.READY)
                        .map(c -> "True".equals(c.status()))
                        .orElse(false);
    }
}
