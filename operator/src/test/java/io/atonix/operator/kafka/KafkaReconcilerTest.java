package io.atonix.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.KafkaClusterRef;
import io.atonix.api.v1beta1.appstack.KafkaSpec;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.SecretChecksum;
import io.atonix.operator.common.Updates;
import io.atonix.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Kafka part of the AppStack controller against the mock API server with Strimzi's CRDs served at v1. The mock
 * runs no Strimzi: the tests play its Cluster, Topic and User Operators (see {@link PlayStrimzi}).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = StrimziInMockServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOPIC = StrimziApiVersion.KAFKA_TOPIC;
    private static final String USER = StrimziApiVersion.KAFKA_USER;

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    MeterRegistry meters;

    MockApiServer mock;

    @BeforeEach
    void harness() {
        mock = new MockApiServer(client, server, meters);
    }

    private PlayStrimzi strimzi() {
        return new PlayStrimzi(client, StrimziApiVersion.V1);
    }

    @Test
    void topicsUsersAndBindingsBecomeReadyFromStrimzisStatusThenAReconcileWritesNothingAndARotationRollsTheConsumers()
            throws Exception {
        PlayStrimzi strimzi = strimzi();
        namespace("kafka-a");
        strimzi.kafka("kafka-a", "events");
        create(KafkaStacks.shop("app-a", "kafka-a", DeletionPolicy.Retain));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(strimzi.list(TOPIC, "kafka-a"))
                    .extracting(t -> t.getMetadata().getName())
                    .containsExactlyInAnyOrder("app-a.shop.orders", "app-a.shop.payments");
            assertThat(strimzi.list(USER, "kafka-a"))
                    .extracting(u -> u.getMetadata().getName())
                    .containsExactlyInAnyOrder("app-a-shop-api", "app-a-shop-worker");
        });
        GenericKubernetesResource orders = strimzi.get(TOPIC, "kafka-a", "app-a.shop.orders");
        assertThat(orders.getApiVersion()).isEqualTo("kafka.strimzi.io/v1");
        assertThat(orders.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "events");
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(kafka(get("app-a", "shop")).reason()).isEqualTo(KafkaStatus.REASON_CREATING));

        // Strimzi reconciles: topics and users Ready, the users' Secrets created.
        for (String topic : List.of("app-a.shop.orders", "app-a.shop.payments")) {
            strimzi.report(TOPIC, "kafka-a", topic, "Ready");
        }
        for (String user : List.of("app-a-shop-api", "app-a-shop-worker")) {
            strimzi.report(USER, "kafka-a", user, "Ready");
            strimzi.userSecret("kafka-a", user, "first-" + user);
        }
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Secret binding = client.secrets()
                    .inNamespace("app-a")
                    .withName("shop-kafka-api-events-login")
                    .get();
            assertThat(binding).isNotNull();
            assertThat(decoded(binding))
                    .containsEntry("type", "kafka")
                    .containsEntry("password", "first-app-a-shop-api")
                    .containsEntry("username", "app-a-shop-api")
                    .containsEntry("security-protocol", "SASL_SSL")
                    .containsEntry("sasl-mechanism", "SCRAM-SHA-512")
                    .containsEntry("ca.crt", PlayStrimzi.CA)
                    .containsEntry("bootstrap-servers", "events-kafka-bootstrap.kafka-a.svc:9093")
                    .containsEntry("topic.orders", "app-a.shop.orders")
                    .containsEntry("topic.payments", "app-a.shop.payments")
                    .containsEntry("consumer-group", "app-a.shop.api");
            assertThat(checksum("app-a", "shop-api")).isNotNull();
        });
        Deployment api = client.apps()
                .deployments()
                .inNamespace("app-a")
                .withName("shop-api")
                .get();
        List<EnvVar> env =
                api.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        assertThat(env)
                .extracting(EnvVar::getName)
                .contains(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "KAFKA_SECURITY_PROTOCOL",
                        "KAFKA_SASL_MECHANISM",
                        "KAFKA_USERNAME",
                        "KAFKA_PASSWORD",
                        "KAFKA_SASL_JAAS_CONFIG");
        assertThat(env)
                .filteredOn(v -> v.getValue() != null)
                .as("the names in Kafka are no secret, and known before Strimzi's Secret exists")
                .extracting(EnvVar::getName, EnvVar::getValue)
                .containsExactly(
                        tuple("KAFKA_CONSUMER_GROUP", "app-a.shop.api"),
                        tuple("KAFKA_TOPIC_ORDERS", "app-a.shop.orders"),
                        tuple("KAFKA_TOPIC_PAYMENTS", "app-a.shop.payments"));
        assertThat(env)
                .filteredOn(v -> v.getValue() == null)
                .allSatisfy(v -> assertThat(v.getValueFrom().getSecretKeyRef().getName())
                        .as("every credential from the binding Secret, never literal")
                        .isEqualTo("shop-kafka-api-events-login"));

        // Plays the Deployment controller until the stack is ready: the operator may still roll a template (the
        // checksum of a binding Secret that just came), which a status marked once would not have seen.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (String deployment : List.of("shop-api", "shop-worker", "shop-web")) {
                mock.markAvailable("app-a", deployment);
            }
            AppStack stack = get("app-a", "shop");
            assertThat(kafka(stack).holds()).isTrue();
            assertThat(kafka(stack).message()).isEqualTo("2/2 topics ready, 2/2 users ready");
            assertThat(condition(stack, ConditionTypes.READY).status()).isEqualTo("True");
        });

        // Steady state: a reconcile of the unchanged stack writes nothing, on either side.
        mock.awaitNoWrites();
        double before = mock.reconciliations();
        mock.markProgressed("app-a", "shop-web");
        await().atMost(TIMEOUT).until(() -> mock.reconciliations() > before);
        List<String> writes = new ArrayList<>();
        for (RecordedRequest request : mock.drainRequests()) {
            if (!"GET".equals(request.getMethod()) && !request.getPath().contains("/deployments/shop-web/status")) {
                writes.add(request.getMethod() + " " + request.getPath());
            }
        }
        assertThat(writes)
                .as("writing requests of a reconcile of an unchanged stack")
                .isEmpty();

        // The User Operator rotates the api's password: the binding follows and the api's pods roll; the worker's do
        // not.
        String apiChecksum = checksum("app-a", "shop-api");
        String workerChecksum = checksum("app-a", "shop-worker");
        strimzi.userSecret("kafka-a", "app-a-shop-api", "second");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(decoded(client.secrets()
                            .inNamespace("app-a")
                            .withName("shop-kafka-api-events-login")
                            .get()))
                    .containsEntry("password", "second");
            assertThat(checksum("app-a", "shop-api")).isNotEqualTo(apiChecksum);
        });
        assertThat(checksum("app-a", "shop-worker")).isEqualTo(workerChecksum);
    }

    @Test
    void retainDetachesATopicAndDeletesItsKafkaTopicOnlyOnceStrimziLetGo() throws Exception {
        PlayStrimzi strimzi = strimzi();
        namespace("kafka-r");
        strimzi.kafka("kafka-r", "events");
        create(KafkaStacks.shop("app-r", "kafka-r", DeletionPolicy.Retain));
        await().atMost(TIMEOUT)
                .until(() -> strimzi.list(TOPIC, "kafka-r").size() == 2
                        && strimzi.list(USER, "kafka-r").size() == 2);
        mock.drainRequests();

        client.resources(AppStack.class).inNamespace("app-r").withName("shop").delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (String topic : List.of("app-r.shop.orders", "app-r.shop.payments")) {
                assertThat(strimzi.get(TOPIC, "kafka-r", topic).getMetadata().getAnnotations())
                        .containsEntry(StrimziObjects.MANAGED, "false");
            }
            assertThat(strimzi.list(USER, "kafka-r")).as("users go at once").isEmpty();
        });
        assertThat(get("app-r", "shop").getMetadata().getFinalizers())
                .as("the finalizer holds the stack while the topics detach")
                .containsExactly("appstacks.atonix.io/finalizer");

        // The Topic Operator lets go of the topics.
        strimzi.report(TOPIC, "kafka-r", "app-r.shop.orders", StrimziObjects.UNMANAGED_CONDITION);
        strimzi.report(TOPIC, "kafka-r", "app-r.shop.payments", StrimziObjects.UNMANAGED_CONDITION);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(strimzi.list(TOPIC, "kafka-r")).isEmpty();
            assertThat(get("app-r", "shop")).isNull();
        });
        List<String> topicWrites = mock.drainRequests().stream()
                .filter(r -> !"GET".equals(r.getMethod()) && r.getPath().contains("/kafkatopics/app-r.shop.orders"))
                .map(r -> r.getMethod() + " " + r.getPath().replaceAll("\\?.*", ""))
                .toList();
        assertThat(topicWrites)
                .as("annotate, Strimzi reports, and only then delete")
                .containsExactly(
                        "PUT /apis/kafka.strimzi.io/v1/namespaces/kafka-r/kafkatopics/app-r.shop.orders",
                        "PUT /apis/kafka.strimzi.io/v1/namespaces/kafka-r/kafkatopics/app-r.shop.orders/status",
                        "DELETE /apis/kafka.strimzi.io/v1/namespaces/kafka-r/kafkatopics/app-r.shop.orders");
        assertThat(mock.events("app-r"))
                .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Detaching"));
    }

    @Test
    void aTopicOperatorThatNeverLetsGoHoldsTheDeletionOnlyUntilTheBoundThenTheKafkaTopicIsLeftBehindWithItsData() {
        PlayStrimzi strimzi = strimzi();
        namespace("kafka-b");
        strimzi.kafka("kafka-b", "events");
        create(KafkaStacks.shop("app-b", "kafka-b", DeletionPolicy.Retain));
        await().atMost(TIMEOUT).until(() -> strimzi.list(TOPIC, "kafka-b").size() == 2);

        client.resources(AppStack.class).inNamespace("app-b").withName("shop").delete();
        List<String> topics = List.of("app-b.shop.orders", "app-b.shop.payments");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (String topic : topics) {
                assertThat(strimzi.get(TOPIC, "kafka-b", topic).getMetadata().getAnnotations())
                        .containsEntry(StrimziObjects.MANAGED, "false")
                        .containsKey(TopicOperatorWait.DETACHED_AT);
            }
        });
        assertThat(get("app-b", "shop").getMetadata().getFinalizers())
                .as("within the bound the stack waits for the Topic Operator")
                .containsExactly("appstacks.atonix.io/finalizer");
        assertThat(mock.events("app-b")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("Detaching");
            assertThat(e.getMessage()).contains("waits up to 10m", "left behind, not deleted");
        });

        // No Topic Operator answers; the wait began an hour ago, as after a restart of the operator.
        for (String topic : topics) {
            GenericKubernetesResource detached = strimzi.get(TOPIC, "kafka-b", topic);
            detached.getMetadata().getAnnotations().put(TopicOperatorWait.DETACHED_AT, "2026-01-01T00:00:00Z");
            client.resource(detached).update();
        }
        await().atMost(TIMEOUT).until(() -> get("app-b", "shop") == null);
        for (String topic : topics) {
            GenericKubernetesResource left = strimzi.get(TOPIC, "kafka-b", topic);
            assertThat(left)
                    .as("never deleted: Strimzi would delete the topic's data")
                    .isNotNull();
            assertThat(left.getMetadata().getAnnotations())
                    .containsEntry(StrimziObjects.MANAGED, "false")
                    .containsEntry(TopicOperatorWait.LEFT_BEHIND_BY, "app-b/shop");
            assertThat(left.getMetadata().getLabels())
                    .as("no longer the stack's")
                    .doesNotContainKeys(TopicOperatorWait.OWNERSHIP_LABELS.toArray(String[]::new));
        }
        assertThat(mock.events("app-b")).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("Warning");
            assertThat(e.getReason()).isEqualTo("KafkaTopicLeftBehind");
            assertThat(e.getMessage())
                    .contains(
                            "did not mark KafkaTopic kafka-b/app-b.shop.orders Unmanaged within 10m",
                            "detached since 2026-01-01T00:00:00Z",
                            "is it running?");
        });
    }

    @Test
    void aTopicAnEarlierReleaseNamedOutsideTheStacksScopeIsDetachedAndKeptInKafkaEvenWithDelete() throws Exception {
        PlayStrimzi strimzi = strimzi();
        namespace("kafka-old");
        strimzi.kafka("kafka-old", "events");
        AppStack stack = KafkaStacks.shop("app-old", "kafka-old", DeletionPolicy.Delete);
        // What the release that first served v1beta1 wrote for the topic orders: its name in Kafka was orders.
        KafkaTopicSpec orders = stack.getSpec().kafka().topics().get(0);
        client.resource(StrimziObjects.atVersion(
                        KafkaTopics.desired(stack, orders, "orders"),
                        StrimziApiVersion.V1,
                        client.getKubernetesSerialization()))
                .create();
        mock.drainRequests();
        create(stack);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(strimzi.list(TOPIC, "kafka-old"))
                    .extracting(t -> t.getMetadata().getName())
                    .containsExactlyInAnyOrder("orders", "app-old.shop.orders", "app-old.shop.payments");
            assertThat(strimzi.get(TOPIC, "kafka-old", "orders").getMetadata().getAnnotations())
                    .containsEntry(StrimziObjects.MANAGED, "false");
            assertThat(mock.events("app-old"))
                    .anySatisfy(e -> assertThat(e.getReason() + ": " + e.getMessage())
                            .startsWith("KafkaTopicRenamed: topic orders is now app-old.shop.orders in Kafka")
                            .contains("the topic orders of an earlier release is kept in Kafka with its messages"));
        });
        strimzi.report(TOPIC, "kafka-old", "orders", StrimziObjects.UNMANAGED_CONDITION);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(strimzi.list(TOPIC, "kafka-old"))
                        .extracting(t -> t.getMetadata().getName())
                        .containsExactlyInAnyOrder("app-old.shop.orders", "app-old.shop.payments"));
        assertThat(mock.drainRequests().stream()
                        .filter(r -> !"GET".equals(r.getMethod()) && r.getPath().contains("/kafkatopics/orders"))
                        .map(r -> r.getMethod() + " " + r.getPath().replaceAll("\\?.*", ""))
                        .toList())
                .as("detached, Strimzi lets go, and only then the KafkaTopic goes: the topic stays in Kafka")
                .containsExactly(
                        "PUT /apis/kafka.strimzi.io/v1/namespaces/kafka-old/kafkatopics/orders",
                        "PUT /apis/kafka.strimzi.io/v1/namespaces/kafka-old/kafkatopics/orders/status",
                        "DELETE /apis/kafka.strimzi.io/v1/namespaces/kafka-old/kafkatopics/orders");
    }

    @Test
    void withDeleteATopicRemovedFromTheListIsDeletedAndPartitionsNeverShrink() {
        PlayStrimzi strimzi = strimzi();
        namespace("kafka-d");
        strimzi.kafka("kafka-d", "events");
        create(KafkaStacks.shop("app-d", "kafka-d", DeletionPolicy.Delete));
        await().atMost(TIMEOUT).until(() -> strimzi.list(TOPIC, "kafka-d").size() == 2);

        // payments leaves the list (and with it its users' rights); orders asks for fewer partitions, which Kafka
        // cannot do.
        Updates.change(
                client,
                AppStack.class,
                "app-d",
                "shop",
                stack -> stack.setSpec(TestStacks.spec(
                        List.of(KafkaStacks.service("api", List.of("orders"), List.of())),
                        null,
                        null,
                        new KafkaSpec(
                                new KafkaClusterRef("events", "kafka-d"),
                                List.of(new KafkaTopicSpec("orders", 2, 3, null, null))),
                        null,
                        null,
                        DeletionPolicy.Delete)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(strimzi.list(TOPIC, "kafka-d"))
                    .extracting(t -> t.getMetadata().getName())
                    .containsExactly("app-d.shop.orders");
            assertThat(strimzi.list(USER, "kafka-d"))
                    .extracting(u -> u.getMetadata().getName())
                    .containsExactly("app-d-shop-api");
            assertThat(client.secrets()
                            .inNamespace("app-d")
                            .withName("shop-kafka-worker-events-login")
                            .get())
                    .isNull();
            ComponentStatus kafka = kafka(get("app-d", "shop"));
            assertThat(kafka.reason()).isEqualTo(KafkaStatus.REASON_REFUSED);
            assertThat(kafka.message())
                    .contains("topic app-d.shop.orders has 6 partitions: Kafka cannot reduce them to 2");
        });
        assertThat(((Map<?, ?>) strimzi.get(TOPIC, "kafka-d", "app-d.shop.orders")
                                .getAdditionalProperties()
                                .get("spec"))
                        .get("partitions"))
                .isEqualTo(6);
    }

    @Test
    void aStackWhoseKafkaNamespaceIsGoneIsReleasedAtOnce() {
        PlayStrimzi strimzi = strimzi();
        // No Namespace object: as after the Kafka namespace was deleted under the stack.
        strimzi.kafka("kafka-gone", "events");
        create(KafkaStacks.shop("app-g", "kafka-gone", DeletionPolicy.Retain));
        await().atMost(TIMEOUT).until(() -> strimzi.list(TOPIC, "kafka-gone").size() == 2);

        client.resources(AppStack.class).inNamespace("app-g").withName("shop").delete();
        await().atMost(TIMEOUT).until(() -> mock.released(AppStack.class, "app-g", "shop"));
        assertThat(mock.events("app-g")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("KafkaCleanupSkipped");
            assertThat(e.getMessage()).contains("namespace kafka-gone");
        });
    }

    @Test
    void aMissingKafkaClusterIsReportedAndTheServicesStillRun() {
        create(KafkaStacks.shop("app-m", "kafka-m", DeletionPolicy.Retain));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ComponentStatus kafka = kafka(get("app-m", "shop"));
            assertThat(kafka.reason()).isEqualTo(KafkaStatus.REASON_CLUSTER_NOT_FOUND);
            assertThat(kafka.message()).contains("no Kafka kafka-m/events");
            assertThat(client.apps()
                            .deployments()
                            .inNamespace("app-m")
                            .withName("shop-web")
                            .get())
                    .isNotNull();
        });
        assertThat(strimzi().list(TOPIC, "kafka-m")).isEmpty();
        // The cluster appears: the stack is reconciled again without being touched.
        strimzi().kafka("kafka-m", "events");
        await().atMost(TIMEOUT).until(() -> strimzi().list(TOPIC, "kafka-m").size() == 2);
    }

    @Test
    void aClusterInAnotherNamespaceTakesNothingFromAStackUntilItsOwnerAdmitsTheStacksNamespace() {
        PlayStrimzi strimzi = strimzi();
        namespace("kafka-s");
        strimzi.kafka("kafka-s", "events", "team-x, team-y");
        create(KafkaStacks.shop("app-s", "kafka-s", DeletionPolicy.Retain));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ComponentStatus kafka = kafka(get("app-s", "shop"));
            assertThat(kafka.reason()).isEqualTo(KafkaStatus.REASON_NOT_SHARED);
            assertThat(kafka.status()).isEqualTo(ComponentStatus.FALSE);
            assertThat(kafka.message())
                    .contains("does not admit stacks of namespace app-s")
                    .contains(KafkaSharing.ALLOWED_NAMESPACES);
        });
        assertThat(strimzi.list(TOPIC, "kafka-s")).isEmpty();
        assertThat(strimzi.list(USER, "kafka-s")).isEmpty();

        // The cluster's owner admits the namespace: the stack is reconciled again without being touched.
        strimzi.share("kafka-s", "events", "team-x, app-s");
        await().atMost(TIMEOUT).until(() -> strimzi.list(TOPIC, "kafka-s").size() == 2);
        assertThat(strimzi.list(USER, "kafka-s")).hasSize(2);
    }

    @Test
    void teamsOfTheSameNamesOnOneClusterAreGrantedOnlyWhatTheyOwnOrWhatThePlatformSharesWithThem() {
        PlayStrimzi strimzi = strimzi();
        namespace("kafka-i");
        strimzi.kafka("kafka-i", "events");
        create(KafkaStacks.shop("team-x", "kafka-i", DeletionPolicy.Retain));
        create(KafkaStacks.shop("team-y", "kafka-i", DeletionPolicy.Retain));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(strimzi.list(TOPIC, "kafka-i")).hasSize(4);
            assertThat(strimzi.list(USER, "kafka-i")).hasSize(4);
        });
        for (String team : List.of("team-x", "team-y")) {
            for (String service : List.of("api", "worker")) {
                assertThat(acls("kafka-i", team + "-shop-" + service))
                        .as("the rights of %s's %s", team, service)
                        .isNotEmpty()
                        .allSatisfy(rule -> assertThat(rule).contains(":" + team + ".shop."));
            }
        }

        // A stack names team-x's topic as its own: it gets no KafkaTopic and no right on it, and says why.
        create(KafkaStacks.shop(
                "team-z",
                "kafka-i",
                DeletionPolicy.Retain,
                List.of(new KafkaTopicSpec("orders", null, null, null, "team-x.shop.orders")),
                KafkaStacks.service("api", List.of("orders"), List.of("orders"))));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ComponentStatus kafka = kafka(get("team-z", "shop"));
            assertThat(kafka.reason()).isEqualTo(KafkaStatus.REASON_NOT_ALLOWED);
            assertThat(kafka.message()).contains("team-x.shop.orders lies outside this stack's names (team-z.shop.*)");
            assertThat(strimzi.get(USER, "kafka-i", "team-z-shop-api")).isNotNull();
        });
        assertThat(acls("kafka-i", "team-z-shop-api")).isEmpty();
        assertThat(strimzi.get(TOPIC, "kafka-i", "team-x.shop.orders")
                        .getMetadata()
                        .getLabels())
                .containsEntry("atonix.io/stack-namespace", "team-x");

        // A topic inside the stack's names that the platform team already made by hand: refused, and not granted.
        strimzi.platformTopic("kafka-i", "events", "team-w.shop.orders");
        create(KafkaStacks.shop("team-w", "kafka-i", DeletionPolicy.Retain));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ComponentStatus kafka = kafka(get("team-w", "shop"));
            assertThat(kafka.reason()).isEqualTo(KafkaStatus.REASON_REFUSED);
            assertThat(kafka.message())
                    .contains("KafkaTopic kafka-i/team-w.shop.orders already exists and is not this stack's")
                    .contains("no service of the stack is granted it");
            assertThat(acls("kafka-i", "team-w-shop-api"))
                    .containsExactly(
                            "allow topic:literal:team-w.shop.payments [Read, Describe]",
                            "allow group:literal:team-w.shop.api [Read]");
            assertThat(acls("kafka-i", "team-w-shop-worker")).isEmpty();
        });

        // A topic the platform shares with the namespace (atonix.kafka.shared-topics of the test profile): granted as
        // it is, and its KafkaTopic left to its owner.
        strimzi.platformTopic("kafka-i", "events", "platform.audit");
        create(KafkaStacks.shop(
                "team-v",
                "kafka-i",
                DeletionPolicy.Retain,
                List.of(new KafkaTopicSpec("audit", null, null, null, "platform.audit")),
                KafkaStacks.service("api", List.of(), List.of("audit"))));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(acls("kafka-i", "team-v-shop-api"))
                    .containsExactly(
                            "allow topic:literal:platform.audit [Read, Describe]",
                            "allow group:literal:team-v.shop.api [Read]");
            assertThat(get("team-v", "shop").getStatus()).isNotNull();
            assertThat(kafka(get("team-v", "shop")).reason())
                    .as("waiting for Strimzi's user, nothing refused")
                    .isEqualTo(KafkaStatus.REASON_CREATING);
        });
        assertThat(strimzi.get(TOPIC, "kafka-i", "platform.audit").getMetadata().getLabels())
                .doesNotContainKey("atonix.io/stack");
    }

    private List<String> acls(String namespace, String user) {
        GenericKubernetesResource object = strimzi().get(USER, namespace, user);
        assertThat(object).as("KafkaUser " + user).isNotNull();
        return KafkaBuildersTest.rules(client.getKubernetesSerialization()
                .convertValue(object, io.strimzi.api.kafka.model.user.KafkaUser.class));
    }

    /** Last: it uninstalls Strimzi from the mock server. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aStackIsReleasedWhenStrimziIsUninstalled() {
        PlayStrimzi strimzi = strimzi();
        namespace("kafka-u");
        strimzi.kafka("kafka-u", "events");
        create(KafkaStacks.shop("app-u", "kafka-u", DeletionPolicy.Retain));
        await().atMost(TIMEOUT).until(() -> strimzi.list(TOPIC, "kafka-u").size() == 2);

        for (var crd : StrimziCrds.servedAt(StrimziApiVersion.V1)) {
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .delete();
        }
        client.resources(AppStack.class).inNamespace("app-u").withName("shop").delete();
        await().atMost(TIMEOUT).until(() -> mock.released(AppStack.class, "app-u", "shop"));
        assertThat(mock.events("app-u")).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("KafkaCleanupSkipped");
            assertThat(e.getMessage()).contains("is not served");
        });
    }

    private void namespace(String name) {
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .build())
                .create();
    }

    private AppStack create(AppStack stack) {
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        return client.resource(stack).create();
    }

    private AppStack get(String namespace, String name) {
        return client.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private static ComponentStatus kafka(AppStack stack) {
        assertThat(stack.getStatus())
                .as("status of " + stack.getMetadata().getName())
                .isNotNull();
        return stack.getStatus().components().stream()
                .filter(c -> KafkaStatus.COMPONENT.equals(c.component()))
                .findFirst()
                .orElseThrow();
    }

    private static Condition condition(AppStack stack, String type) {
        return Conditions.find(stack.getStatus().conditions(), type).orElseThrow();
    }

    private String checksum(String namespace, String deployment) {
        Deployment d = client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(deployment)
                .get();
        var annotations =
                d == null ? null : d.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(SecretChecksum.ANNOTATION);
    }

    private static Map<String, String> decoded(Secret secret) {
        Map<String, String> data = new java.util.TreeMap<>();
        secret.getData()
                .forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return data;
    }
}
