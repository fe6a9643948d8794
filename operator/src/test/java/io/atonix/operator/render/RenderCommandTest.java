package io.atonix.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.appstack.AppStackResources;
import io.atonix.operator.appstack.AuthProxies;
import io.atonix.operator.appstack.BindingChecksums;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.kafka.KafkaAuthentication;
import io.atonix.operator.kafka.KafkaResources;
import io.atonix.operator.kafka.SharedTopics;
import io.atonix.operator.kafka.StrimziApiVersion;
import io.atonix.operator.objectstore.ObjectStoreBindings;
import io.atonix.operator.postgres.PostgresResources;
import io.atonix.operator.redis.RedisResources;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RenderCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    static Stream<Path> samples() throws IOException {
        return Files.list(SAMPLES).filter(f -> f.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleParsesAndRendersToTheControllersObjects(Path sample) throws Exception {
        Result result = run(sample.toString());
        assertThat(result.status).as(result.err).isZero();
        List<HasMetadata> printed = new KubernetesSerialization().unmarshal(result.out);
        assertThat(printed).isNotEmpty();

        // Exactly what the controller's builders give for the same resources.
        KubernetesSerialization yaml = new KubernetesSerialization();
        StringBuilder expected = new StringBuilder();
        for (HasMetadata resource : ResourceFiles.read(sample)) {
            List<HasMetadata> objects = new ArrayList<>();
            if (resource instanceof AppStack stack) {
                objects.addAll(AppStackResources.withMonitoring(
                        stack, PlatformSettings.defaults(), BindingChecksums.placeholder()));
                objects.addAll(KafkaResources.desired(
                        stack, StrimziApiVersion.V1, KafkaAuthentication.SCRAM_SHA_512, SharedTopics.none()));
                objects.addAll(AuthProxies.desired(stack, () -> Renderer.GENERATED));
                objects.addAll(ObjectStoreBindings.rendered(stack));
            } else if (resource instanceof Redis redis) {
                objects.addAll(
                        RedisResources.withMonitoring(redis, PlatformSettings.defaults(), () -> Renderer.GENERATED));
            } else {
                objects.addAll(PostgresResources.withMonitoring(
                        (Postgres) resource, PlatformSettings.defaults(), () -> Renderer.GENERATED));
            }
            for (HasMetadata object : objects) {
                expected.append(yaml.asYaml(object));
            }
        }
        assertThat(result.out).isEqualTo(expected.toString());
    }

    @Test
    void theWebSampleRendersEveryKindOfServiceObject() {
        Result result = run(SAMPLES.resolve("appstack-web.yaml").toString());
        assertThat(result.out)
                .contains(
                        "kind: \"Deployment\"",
                        "kind: \"Service\"",
                        "kind: \"ServiceAccount\"",
                        "kind: \"HorizontalPodAutoscaler\"",
                        "kind: \"PodDisruptionBudget\"",
                        "kind: \"Ingress\"");
    }

    @Test
    void thePlatformsPrometheusOfTheFlagsIsAskedWithItsClusterTriggerAuthenticationAndWithoutItATriggerNeedsAServer()
            throws Exception {
        Path stack = Files.createTempFile("prometheus-trigger", ".yaml");
        Files.writeString(stack, """
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata: { name: shop }
                spec:
                  services:
                    - name: web
                      image: acme/web:1
                      port: 8080
                      autoscale:
                        minReplicas: 1
                        maxReplicas: 5
                        triggers:
                          - name: requests
                            prometheus: { query: "sum(rate(http_requests_total[2m]))", threshold: "50" }
                """);
        Result platform = run(
                "--keda",
                "--keda-prometheus",
                "https://prometheus.monitoring.svc:9091",
                "--keda-prometheus-authentication",
                "platform-prometheus:bearer,tls",
                stack.toString());
        assertThat(platform.status).as(platform.err).isZero();
        assertThat(platform.out)
                .contains("serverAddress: \"https://prometheus.monitoring.svc:9091\"")
                .contains("authModes: \"bearer,tls\"")
                .contains("kind: \"ClusterTriggerAuthentication\"")
                .contains("name: \"platform-prometheus\"");
        Result alone = run("--keda", stack.toString());
        assertThat(alone.status).isNotZero();
        assertThat(alone.err).contains("autoscale.triggers[0].prometheus.serverAddress");
    }

    @Test
    void withKedaTheShopsWorkerRendersAsAScaledObjectFromZeroAndWithoutKedaAsAnHpaThatKeepsOnePod() {
        Result keda = run("--keda", SAMPLES.resolve("appstack-shop.yaml").toString());
        assertThat(keda.status).as(keda.err).isZero();
        List<HasMetadata> printed = new KubernetesSerialization().unmarshal(keda.out);
        assertThat(printed)
                .filteredOn(o -> o.getKind().equals("ScaledObject"))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.getMetadata().getName()).isEqualTo("shop-worker");
                    assertThat(o.getApiVersion()).isEqualTo("keda.sh/v1alpha1");
                });
        assertThat(keda.out)
                .contains("minReplicaCount: 0")
                .contains("consumerGroup: \"shop.shop.worker\"")
                .contains("topic: \"shop.shop.orders\"");
        assertThat(printed)
                .filteredOn(o -> o.getKind().equals("TriggerAuthentication"))
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("shop-worker-kafka");
        assertThat(printed)
                .filteredOn(o -> o.getKind().equals("HorizontalPodAutoscaler"))
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("shop-web");

        Result plain = run(SAMPLES.resolve("appstack-shop.yaml").toString());
        List<HasMetadata> withoutKeda = new KubernetesSerialization().unmarshal(plain.out);
        assertThat(withoutKeda).noneMatch(o -> o.getKind().equals("ScaledObject"));
        assertThat(withoutKeda)
                .filteredOn(o -> o instanceof io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler h
                        && h.getMetadata().getName().equals("shop-worker"))
                .singleElement()
                .satisfies(o -> assertThat(((io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler) o)
                                .getSpec()
                                .getMinReplicas())
                        .isEqualTo(1));
    }

    @Test
    void theShopSampleRendersItsMonitoringWithThePlatformsLabelsAndNoDashboardOfItsOwn() {
        Result result = run(
                "--prometheus-labels",
                "release=kube-prometheus-stack",
                "--grafana-dashboard-label",
                "grafana.io/dashboard=atonix",
                SAMPLES.resolve("appstack-shop.yaml").toString());
        assertThat(result.status).as(result.err).isZero();
        List<HasMetadata> printed = new KubernetesSerialization().unmarshal(result.out);
        assertThat(printed)
                .filteredOn(o -> o.getKind().equals("ServiceMonitor"))
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("shop-api");
        assertThat(printed)
                .filteredOn(
                        o -> o.getKind().equals("PrometheusRule") || o.getKind().equals("ServiceMonitor"))
                .allSatisfy(
                        o -> assertThat(o.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack"));
        assertThat(result.err).contains("--grafana-dashboard-label has no effect");
        assertThat(printed)
                .as("no dashboard of the stack's own: the chart ships one for every stack")
                .noneMatch(o -> o.getKind().equals("ConfigMap")
                        && o.getMetadata().getName().endsWith("-dashboard"));
        assertThat(run(
                                "--prometheus-labels",
                                "no-equals-sign",
                                SAMPLES.resolve("appstack-shop.yaml").toString())
                        .err)
                .contains("atonix.monitoring.prometheus-labels");
    }

    @Test
    void theDataStoreSamplesRequireTlsAndRenderTheirCertificatesSecretVerifyingBindingsAndTheStacksCaFiles() {
        Result postgres = run(SAMPLES.resolve("postgres.yaml").toString());
        assertThat(postgres.status).as(postgres.err).isZero();
        List<HasMetadata> printed = new KubernetesSerialization().unmarshal(postgres.out);
        assertThat(printed)
                .filteredOn(o -> o.getMetadata().getName().equals("shop-db-tls"))
                .singleElement()
                .satisfies(o -> assertThat(((io.fabric8.kubernetes.api.model.Secret) o).getStringData())
                        .containsOnlyKeys("ca.crt", "tls.crt", "tls.key", "ca.key")
                        .containsValue(Renderer.GENERATED));
        assertThat(postgres.out)
                .contains("ssl = 'on'")
                .contains("hostssl   all  all  all  scram-sha-256")
                .contains("/orders?sslmode=verify-full");
        Result redis = run(SAMPLES.resolve("redis.yaml").toString());
        assertThat(redis.out)
                .contains("tls-port 6379")
                .contains("rediss://web:")
                .contains("sessions-tls");
        Result stack = run(SAMPLES.resolve("appstack-shop.yaml").toString());
        assertThat(stack.out)
                .contains("PGSSLROOTCERT")
                .contains("/var/run/secrets/atonix.io/db/ca.crt")
                .contains("REDIS_CA_CERT_FILE");
    }

    @Test
    void theShopSampleSignsInWebThroughAnOauth2ProxyTheEdgeRoutesTo() {
        Result result = run(SAMPLES.resolve("appstack-shop.yaml").toString());
        assertThat(result.status).as(result.err).isZero();
        List<HasMetadata> printed = new KubernetesSerialization().unmarshal(result.out);
        assertThat(printed)
                .filteredOn(o -> o.getMetadata().getName().startsWith("shop-web-auth"))
                .extracting(o -> o.getKind() + " " + o.getMetadata().getName())
                .contains(
                        "ServiceAccount shop-web-auth",
                        "Secret shop-web-auth-cookie",
                        "Deployment shop-web-auth",
                        "Service shop-web-auth",
                        "NetworkPolicy shop-web-auth");
        assertThat(result.out)
                .contains("--oidc-issuer-url=https://keycloak.example.com/realms/shop", "--allowed-group=staff")
                .contains("name: \"shop-web-auth\"");
    }

    @Test
    void anUnknownFieldIsNamedWithItsFile(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata: { name: shop }
                spec:
                  services:
                    - name: web
                      image: nginx
                      port: 80
                      replica: 2
                """);
        Result result = run(file.toString());
        assertThat(result.status).isEqualTo(1);
        assertThat(result.out).isEmpty();
        assertThat(result.err)
                .contains(file.toString())
                .contains("no field 'replica'")
                .contains("spec.services[0]");
    }

    @Test
    void anInvalidStackListsItsProblems(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata: { name: shop }
                spec:
                  services:
                    - { name: web, image: nginx, port: 80, uses: [ { name: cache, redis: {} } ] }
                    - { name: api, image: nginx, port: 81, uses: [ { name: db, postgres: { database: shop } } ] }
                """);
        Result result = run(file.toString());
        assertThat(result.status).isEqualTo(1);
        assertThat(result.err)
                .contains(file.toString())
                .contains("spec.services[0].uses[0].redis: the service uses Redis but spec.redis is not set")
                .contains("spec.services[1].uses[0].postgres.database: database 'shop' is not declared");
        Path twice = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata: { name: shop }
                spec:
                  services:
                    - { name: web, image: nginx, port: 80 }
                    - { name: web, image: nginx, port: 81 }
                """);
        assertThat(run(twice.toString()).err)
                .as("the schema's keyed list, as the API server reads it")
                .contains("spec.services[1]: Duplicate value: {name=\"web\"}");
    }

    @Test
    void aKeyWrittenTwiceIsRefusedWithItsLineRatherThanTheLastOneWinning(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: Redis
                metadata: { name: cache }
                spec:
                  version: "7.2"
                  version: "7.4"
                """);
        Result result = run(file.toString());
        assertThat(result.status).isEqualTo(1);
        assertThat(result.out).isEmpty();
        assertThat(result.err).contains(file + ": not valid YAML (line 6): Duplicate field 'version'");
    }

    @Test
    void aScalarOfTheWrongTypeIsRefusedAsTheApiServerRefusesItNotConverted(@TempDir Path dir) throws IOException {
        Path number = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: Postgres
                metadata: { name: db }
                spec: { version: 16.10, storage: { size: 1Gi } }
                """);
        Result result = run(number.toString());
        assertThat(result.status).isEqualTo(1);
        assertThat(result.out).as("never postgres:16.1").isEmpty();
        assertThat(result.err)
                .contains("spec.version: Invalid value: 16.1: must be of type string")
                .contains("quote it in YAML")
                .doesNotContain("java.");
        Path text = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata: { name: shop }
                spec: { services: [ { name: web, image: nginx, port: "8080" } ] }
                """);
        assertThat(run(text.toString()).err)
                .contains("spec.services[0].port: Invalid value: \"8080\": must be of type integer");
    }

    @Test
    void aValueThatIsNoQuantityIsRefusedWithItsFieldAndNoStackTrace(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata: { name: shop }
                spec:
                  services:
                    - name: web
                      image: nginx
                      port: 80
                      resources: { requests: { memory: lots, cpu: "-1" } }
                  redis: { version: "7.2", memory: 64MB }
                """);
        Result result = run(file.toString());
        assertThat(result.status).isEqualTo(1);
        assertThat(result.err)
                .contains("spec.services[0].resources.requests.cpu: Invalid value: \"-1\": is not a non-negative")
                .contains("spec.services[0].resources.requests.memory: Invalid value: \"lots\": is not a non-negative")
                .contains("spec.redis.memory: Invalid value: \"64MB\": is not a non-negative Kubernetes quantity")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void namesPostgreSqlAndKafkaKeepForThemselvesAreRefusedSoNoServiceLogsInAsTheSuperuser(@TempDir Path dir)
            throws IOException {
        Path postgres = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: Postgres
                metadata: { name: db }
                spec:
                  version: "16"
                  storage: { size: 1Gi }
                  databases: [ { name: template1 }, { name: shop } ]
                  roles: [ { name: postgres, database: shop } ]
                """);
        Result result = run(postgres.toString());
        assertThat(result.status).isEqualTo(1);
        assertThat(result.out).isEmpty();
        assertThat(result.err)
                .contains("spec.databases[0].name: 'template1': postgres, template0 and template1 are PostgreSQL's own")
                .contains("spec.roles[0].name: 'postgres': postgres, public and none are PostgreSQL's own role names");
        Path stack = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata: { name: shop }
                spec:
                  services: [ { name: web, image: nginx, port: 80 } ]
                  kafka: { clusterRef: { name: events }, topics: [ { name: offsets, topicName: __consumer_offsets } ] }
                """);
        assertThat(run(stack.toString()).err)
                .contains(
                        "spec.kafka.topics[0].topicName: '__consumer_offsets': topics starting with '__' are Kafka's own");
    }

    @Test
    void wrongTypesAndKindsAndMissingFilesAreClearErrors(@TempDir Path dir) throws IOException {
        Path wrongType = write(dir, """
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata: { name: shop }
                spec: { services: [ { name: web, image: nginx, port: eighty } ] }
                """);
        assertThat(run(wrongType.toString()).err).contains("spec.services[0].port");
        Path wrongKind = write(dir, "apiVersion: atonix.io/v1beta1\nkind: Database\nmetadata: { name: x }\n");
        Path tooMany = write(
                dir,
                "apiVersion: atonix.io/v1beta1\nkind: Postgres\nmetadata: { name: x }\nspec: { version: '16', storage: { size: 1Gi }, instances: 2 }\n");
        assertThat(run(tooMany.toString()).err).contains("spec.instances");
        assertThat(run(wrongKind.toString()).err).contains("unknown kind 'Database'");
        Path notYaml = write(dir, "spec: [unclosed\n");
        assertThat(run(notYaml.toString()).status).isEqualTo(1);
        assertThat(run(dir.resolve("missing.yaml").toString()).err).contains("missing.yaml: no such file");
        assertThat(run().status).isEqualTo(2);
    }

    @Test
    void kafkaTopicsAndUsersRenderAtTheChosenStrimziVersionAndAuthentication() {
        Result defaults = run(SAMPLES.resolve("appstack-shop.yaml").toString());
        assertThat(defaults.out)
                .contains(
                        "kind: \"KafkaTopic\"",
                        "kind: \"KafkaUser\"",
                        "apiVersion: \"kafka.strimzi.io/v1\"",
                        "type: \"scram-sha-512\"");
        Result older = run(
                "--strimzi-api-version",
                "v1beta2",
                "--kafka-authentication",
                "tls",
                SAMPLES.resolve("appstack-shop.yaml").toString());
        assertThat(older.status).as(older.err).isZero();
        assertThat(older.out)
                .contains("apiVersion: \"kafka.strimzi.io/v1beta2\"", "type: \"tls\"")
                .doesNotContain("kafka.strimzi.io/v1\"");
        assertThat(run(
                                "--strimzi-api-version",
                                "v2",
                                SAMPLES.resolve("appstack-shop.yaml").toString())
                        .err)
                .contains("expected v1 or v1beta2");
    }

    @Test
    void namespaceAndIngressClassOptionsApply() {
        Result result = run(
                "--namespace",
                "prod",
                "--ingress-class",
                "nginx",
                SAMPLES.resolve("appstack-web.yaml").toString());
        assertThat(result.status).isZero();
        assertThat(result.out).contains("ingressClassName: \"nginx\"").contains("namespace: \"storefront\"");
    }

    @Test
    void theShopSampleRendersTheCertificateItsIssuerFillsTheIngressSecretWith() {
        Result result = run(SAMPLES.resolve("appstack-shop.yaml").toString());
        assertThat(result.status).as(result.err).isZero();
        List<HasMetadata> printed = new KubernetesSerialization().unmarshal(result.out);
        assertThat(printed)
                .filteredOn(o -> o.getKind().equals("Certificate"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getApiVersion()).isEqualTo("cert-manager.io/v1");
                    assertThat(c.getMetadata().getName()).isEqualTo("shop-shop.example.com");
                });
        assertThat(result.out)
                .contains("secretName: \"shop-shop.example.com-tls\"")
                .contains("name: \"letsencrypt\"")
                .contains("kind: \"ClusterIssuer\"");
    }

    @Test
    void theGatewayOptionRendersAnHttpRoutePerServiceAndHostInsteadOfTheIngress() {
        Result result = run(
                "--gateway",
                "gateways/public/https",
                SAMPLES.resolve("appstack-shop.yaml").toString());
        assertThat(result.status).as(result.err).isZero();
        List<HasMetadata> printed = new KubernetesSerialization().unmarshal(result.out);
        assertThat(printed).extracting(HasMetadata::getKind).doesNotContain("Ingress");
        assertThat(printed)
                .filteredOn(o -> o.getKind().equals("HTTPRoute"))
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("shop-web-shop.example.com", "shop-api-shop.example.com");
        assertThat(result.out)
                .contains("apiVersion: \"gateway.networking.k8s.io/v1\"")
                .contains("namespace: \"gateways\"")
                .contains("sectionName: \"https\"");
        assertThat(run(
                        "--gateway",
                        "public",
                        SAMPLES.resolve("appstack-shop.yaml").toString()))
                .satisfies(bad -> {
                    assertThat(bad.status).isEqualTo(2);
                    assertThat(bad.err).contains("a Gateway is NAMESPACE/NAME or NAMESPACE/NAME/LISTENER");
                });
    }

    private static Path write(Path dir, String content) throws IOException {
        Path file = Files.createTempFile(dir, "stack", ".yaml");
        Files.writeString(file, content);
        return file;
    }

    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RenderCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
