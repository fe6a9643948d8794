package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.KafkaClusterRef;
import io.atonix.api.v1beta1.appstack.KafkaSpec;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.api.v1beta1.appstack.Metrics;
import io.atonix.api.v1beta1.appstack.ServicePort;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.common.EnvVar;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.operator.common.SpecProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppStackValidatorTest {

    @Test
    void aWellFormedStackHasNoProblems() {
        assertThat(AppStackValidator.validate(
                        stack("ns", "shop", service("web", "nginx", 80), service("api", "api", 5000))))
                .isEmpty();
    }

    @Test
    void aRouteNamesADeclaredHostAndAServiceWithoutAPortHasNoRoutesNorDefaultPorts() {
        ServiceSpec routed = TestStacks.withRoutes(service("web", "nginx", 80), TestStacks.route("h.example.com", "/"));
        // The CRD's rule can only name spec; the validator adds the route.
        assertThat(fields(stack("ns", "shop", List.of(TestStacks.http("other.example.com")), routed)))
                .containsExactly("spec", "spec.services[0].routes[0].host");
        ServiceSpec worker = TestStacks.worker("worker", "acme/worker");
        assertThat(AppStackValidator.validate(stack("ns", "shop", worker))).isEmpty();
        ServiceSpec routedWorker = TestStacks.withRoutes(worker, TestStacks.route("h.example.com", "/"));
        assertThat(fields(stack("ns", "shop", List.of(TestStacks.http("h.example.com")), routedWorker)))
                .containsExactly("spec.services[0].routes");
        assertThat(fields(stack("ns", "shop", TestStacks.withMetrics(worker, new Metrics(null, null, null)))))
                .containsExactly("spec.services[0].metrics");
        assertThat(AppStackValidator.validate(
                        stack("ns", "shop", TestStacks.withMetrics(worker, new Metrics(null, 9100, null)))))
                .isEmpty();
        assertThat(fields(stack(
                        "ns",
                        "shop",
                        List.of(TestStacks.http("h.example.com"), TestStacks.http("h.example.com")),
                        service("web", "nginx", 80))))
                .containsExactly("spec.hosts[1]");
    }

    @Test
    void aWorkersProbesNameTheirPort() {
        ServiceSpec worker = TestStacks.worker("worker", "acme/worker");
        var unnamed = new io.atonix.api.v1beta1.common.Probes(
                new io.atonix.api.v1beta1.common.Probe(
                        new io.atonix.api.v1beta1.common.HttpGetAction("/ready", null),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                null);
        var named = new io.atonix.api.v1beta1.common.Probes(
                new io.atonix.api.v1beta1.common.Probe(
                        new io.atonix.api.v1beta1.common.HttpGetAction("/ready", 8081),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                null,
                null);
        assertThat(fields(stack("ns", "shop", TestStacks.withProbes(worker, unnamed))))
                .containsExactly("spec.services[0].probes");
        assertThat(AppStackValidator.validate(stack("ns", "shop", TestStacks.withProbes(worker, named))))
                .isEmpty();
    }

    @Test
    void namesTheFieldOfEachProblem() {
        ServiceSpec a = TestStacks.withRoutes(service("web", "nginx", 80), TestStacks.route("h.example.com", "/"));
        ServiceSpec b = TestStacks.withRoutes(service("web", "nginx", 81), TestStacks.route("h.example.com", "/"));
        assertThat(fields(stack("ns", "shop", List.of(TestStacks.http("h.example.com")), a, b)))
                .containsExactly("spec.services[1]", "spec.services", "spec", "spec.services[1].routes[0]");
        assertThat(fields(stack("ns", "a-very-long-stack-name-that-is-too-long", service("web", "x", 1))))
                .containsExactly("metadata.name");
        assertThat(fields(stack("ns", "shop", service("postgres", "x", 1)))).containsExactly("spec.services[0].name");
        assertThat(fields(stack("ns", "shop", service("Web_1", "x", 1)))).containsExactly("spec.services[0].name");
        assertThat(fields(stack("ns", "shop", service("web", "x", 70000)))).containsExactly("spec.services[0].port");
        assertThat(fields(stack("ns", "shop"))).containsExactly("spec.services", "<nil>");
    }

    @Test
    void monitoringLabelsMustBeKubernetesLabels() {
        var monitoring = new io.atonix.api.v1beta1.appstack.MonitoringSpec(
                null, null, null, java.util.Map.of("team", "shop", "bad key", "x", "ok", "-bad-value"), null);
        var problems = AppStackValidator.validate(stack(
                "ns",
                "shop",
                TestStacks.spec(List.of(service("web", "x", 1)), null, null, null, monitoring, null, null)));
        assertThat(problems)
                .extracting(SpecProblem::toString)
                .satisfiesExactlyInAnyOrder(
                        key -> assertThat(key)
                                .startsWith("spec.monitoring.labels: a label key is an optional DNS subdomain and '/'"),
                        value -> assertThat(value)
                                .startsWith("spec.monitoring.labels:")
                                .contains("'-bad-value'"));
    }

    @Test
    void inlinePostgresParametersAreCheckedLikeAPostgresOwn() {
        var postgres = new StackPostgres(
                "16",
                null,
                VolumeSpec.of("1Gi"),
                List.of(),
                java.util.Map.of("max_connections", "200", "wal_level", "archive"),
                null,
                null,
                null);
        var problems = AppStackValidator.validate(stack(
                "ns",
                "shop",
                TestStacks.spec(List.of(service("web", "x", 1)), postgres, null, null, null, null, null)));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("spec.postgres.parameters.wal_level");
            assertThat(p.message()).isEqualTo("'archive' is not one of minimal, replica, logical");
        });
    }

    @Test
    void aStacksDataStoresAreCheckedByTheSameServerRulesAsStandaloneOnes() {
        var postgres = new StackPostgres(
                "16",
                2,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", null), new DatabaseSpec("shop", null)),
                null,
                null,
                null,
                null);
        var redis = new io.atonix.api.v1beta1.appstack.StackRedis(
                "7.2",
                new io.fabric8.kubernetes.api.model.Quantity("256Mi"),
                null,
                null,
                new io.atonix.api.v1beta1.common.ComputeResources(
                        null,
                        new io.atonix.api.v1beta1.common.ResourceAmounts(
                                null, new io.fabric8.kubernetes.api.model.Quantity("200Mi"))));
        var problems = AppStackValidator.validate(stack(
                "ns",
                "shop",
                TestStacks.spec(List.of(service("web", "x", 1)), postgres, redis, null, null, null, null)));
        assertThat(problems)
                .extracting(SpecProblem::field)
                .containsExactly(
                        "spec.postgres.instances",
                        "spec.postgres.databases[1]",
                        "spec.postgres",
                        "spec.redis.resources.limits.memory");
    }

    @Test
    void replicasAndAutoscaleAreExclusiveAndBoundsOrdered() {
        ServiceSpec both = TestStacks.withReplicas(
                TestStacks.withAutoscale(service("web", "x", 1), new Autoscale(1, 3, null, null)), 2);
        assertThat(fields(stack("ns", "shop", both))).containsExactly("spec.services[0]");
        ServiceSpec inverted = TestStacks.withAutoscale(service("web", "x", 1), new Autoscale(5, 3, null, null));
        assertThat(AppStackValidator.validate(stack("ns", "shop", inverted)))
                .singleElement()
                .satisfies(p -> assertThat(p.toString())
                        .isEqualTo("spec.services[0].autoscale: minReplicas must not be greater than maxReplicas"));
    }

    @Test
    void portsAndVariablesAreNotDeclaredTwice() {
        ServiceSpec s = new ServiceSpec(
                "web",
                "x",
                null,
                null,
                80,
                List.of(new ServicePort("http", 81, null), new ServicePort("admin", 80, null)),
                null,
                null,
                List.of(new EnvVar("A", "1", null), new EnvVar("A", "2", null)),
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(fields(stack("ns", "shop", s)))
                .containsExactlyInAnyOrder(
                        "spec.services[0].env[1]", "spec.services[0]", "spec.services[0].additionalPorts");
    }

    @Test
    void aServiceUsesOnlyWhatTheStackDeclares() {
        ServiceSpec user = new ServiceSpec(
                "api",
                "x",
                null,
                null,
                80,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(
                        TestUses.postgres("orders", "orders"),
                        TestUses.redis("cache"),
                        TestUses.kafka("events", List.of("orders"), List.of("payments"))));
        StackPostgres postgres = new StackPostgres(
                "16", null, VolumeSpec.of("1Gi"), List.of(new DatabaseSpec("shop", null)), null, null, null, null);
        KafkaSpec kafka = new KafkaSpec(
                new KafkaClusterRef("events", "kafka"), List.of(new KafkaTopicSpec("orders", null, null, null, null)));
        var problems = AppStackValidator.validate(
                stack("ns", "shop", TestStacks.spec(List.of(user), postgres, null, kafka, null, null, null)));
        assertThat(problems)
                .extracting(SpecProblem::toString)
                .containsExactlyInAnyOrder(
                        "spec: a service uses a PostgreSQL database that spec.postgres.databases does not declare",
                        "spec: a service uses Redis but spec.redis is not set",
                        "spec: a service reads a Kafka topic that spec.kafka.topics does not declare",
                        "spec.services[0].uses[0].postgres.database: database 'orders' is not declared in spec.postgres.databases",
                        "spec.services[0].uses[1].redis: the service uses Redis but spec.redis is not set",
                        "spec.services[0].uses[2].kafka: topic 'payments' is not declared in spec.kafka.topics");
    }

    @Test
    void topicNamesFollowKafkasRulesAndStayDistinctAsVariables() {
        ServiceSpec api =
                new ServiceSpec("api", "x", null, null, 80, null, null, null, null, null, null, null, null, null, null);
        KafkaSpec kafka = new KafkaSpec(
                new KafkaClusterRef("events", null),
                List.of(
                        new KafkaTopicSpec("..", null, null, null, null),
                        new KafkaTopicSpec("orders/eu", null, null, null, null),
                        new KafkaTopicSpec("Orders_v1.eu", null, null, null, null),
                        new KafkaTopicSpec("x".repeat(250), null, null, null, null),
                        new KafkaTopicSpec("orders-v1.eu", null, null, null, null),
                        new KafkaTopicSpec("legacy", null, null, null, "orders!"),
                        new KafkaTopicSpec("old", null, null, null, "orders"),
                        new KafkaTopicSpec("older", null, null, null, "orders")));
        var problems = AppStackValidator.validate(
                stack("ns", "shop", TestStacks.spec(List.of(api), null, null, kafka, null, null, null)));
        assertThat(problems)
                .extracting(SpecProblem::field)
                .containsExactly(
                        "spec.kafka.topics[1].name",
                        "spec.kafka.topics[3].name",
                        "spec.kafka.topics[5].topicName",
                        "<nil>",
                        "spec.kafka.topics[4].name",
                        "spec.kafka.topics[7].topicName");
        assertThat(problems.get(0).toString()).contains("spec.kafka.topics[1].name: Invalid value: \"orders/eu\"");
        assertThat(problems.get(1).toString()).contains("Too long: may not be more than 249 characters");
        // A value too long stops the CRD's CEL rules, as on the API server; the validator still names the topics.
        assertThat(problems.get(3).toString()).contains("some validation rules were not checked");
        assertThat(problems.get(4).toString())
                .contains("topics 'Orders_v1.eu' and 'orders-v1.eu' differ only in case, '.', '-' or '_'")
                .contains("KAFKA_TOPIC_ORDERS_V1_EU");
        assertThat(problems.get(5).toString()).contains("topic 'orders' is named by two topics of the stack");
    }

    private static List<String> fields(io.atonix.api.v1beta1.appstack.AppStack stack) {
        return AppStackValidator.validate(stack).stream()
                .map(SpecProblem::field)
                .toList();
    }
}
