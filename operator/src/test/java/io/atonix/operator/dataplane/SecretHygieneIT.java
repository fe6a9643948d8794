package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.binding.RedisBinding;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Passwords;
import io.atonix.operator.common.Rotation;
import io.atonix.operator.kafka.StrimziApiVersion;
import io.atonix.operator.realcluster.GeneratedPasswords;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.PasswordLeaks;
import io.atonix.operator.realcluster.PasswordLeaks.Leak;
import io.atonix.operator.realcluster.RealCluster;
import io.atonix.operator.realcluster.ServedObjects;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated passwords stay in Secrets. A stack with its own Postgres and Redis and a (played) Strimzi Kafka is created,
 * has a Postgres login, a Redis login and a Kafka user's password rotated, and is deleted, through the packaged
 * operator logging at DEBUG. The passwords are gathered from the Secrets of the stack's and the Kafka namespace at each
 * step; at the end none of them, in any form ({@code realcluster.PasswordForms}), may stand in the operator's log or
 * in any object of any resource type the API server serves, Secrets aside: Events, statuses, annotations, ConfigMaps,
 * pod templates.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretHygieneIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(300);
    private static final String STACK = "shop";
    private static final String WRITER_DB =
            PostgresBinding.secretName(Names.postgres(STACK), Names.login("writer", "db"));
    private static final String WRITER_CACHE =
            RedisBinding.secretName(Names.redis(STACK), Names.login("writer", "cache"));
    private static final String CANARY = "the planted canary";

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static String kafkaNamespace;
    private static PlayedStrimzi strimzi;
    private static OperatorProcess operator;
    private static ClusterLogins logins;
    private static ProbeCalls probes;
    private static final GeneratedPasswords passwords = new GeneratedPasswords();

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "secrets");
        namespace = namespaces.restricted("shop");
        kafkaNamespace = namespaces.plain("kafka");
        DataPlane.admit(admin, namespace);
        logins = new ClusterLogins(admin, namespace);
        probes = new ProbeCalls(admin, namespace, STACK);
        strimzi = PlayedStrimzi.start(admin, kafkaNamespace);
        operator = OperatorProcess.start(RealCluster.plane(), "secrets");
        PlayedStrimzi.createKafkaStack(admin, namespace, kafkaNamespace);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(ready()).as(STACK + " Ready").contains(true));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (strimzi != null) {
                strimzi.stopPlaying();
            }
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            try {
                if (operator != null) {
                    operator.close();
                }
            } finally {
                if (strimzi != null) {
                    strimzi.close();
                }
                if (admin != null) {
                    admin.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void theServicesConnectWithThePostgresRedisAndKafkaPasswordsInTheirSecrets() throws Exception {
        assertThat(probes.postgres("writer", "", "SELECT 1")).isEqualTo("ok\n1");
        assertThat(probes.redis("writer", "", "SET writer-cache:cart 3")).isEqualTo("ok\nOK");
        assertThat(probes.env("writer")).contains("KAFKA_PASSWORD", "KAFKA_SASL_JAAS_CONFIG");
        collect("after creation");
        assertThat(passwords.origins().values())
                .as("where passwords were found")
                .anyMatch(origin -> origin.contains(namespace + "/" + WRITER_DB + " key password"))
                .anyMatch(origin -> origin.contains(namespace + "/" + WRITER_CACHE + " key password"));
        // The User Operator's Secrets hold a password and a JAAS configuration with the same password; the stack's
        // binding Secrets hold copies of them. (Assertions on passwords compare in memory and print no value.)
        GeneratedPasswords kafka = new GeneratedPasswords();
        kafka.collect(admin, kafkaNamespace, "after creation");
        assertThat(kafka.origins()).as("the Kafka users' passwords").hasSize(2);
        assertThat(passwords.origins().keySet().containsAll(kafka.origins().keySet()))
                .as("the Kafka users' passwords are in the stack's binding Secrets")
                .isTrue();
    }

    @Test
    @Order(2)
    void aPostgresLoginARedisLoginAndAKafkaUserAreRotatedAndTheWritersNewPodConnectsWithTheNewPasswords()
            throws Exception {
        String postgres = logins.secret(WRITER_DB).get("password");
        String pod = writerPod();
        requestRotation(WRITER_DB);
        awaitRolled(pod, () -> {
            assertThat(!logins.secret(WRITER_DB).get("password").equals(postgres))
                    .as("a new password in " + WRITER_DB)
                    .isTrue();
            assertThat(probes.postgres("writer", "", "SELECT 2")).isEqualTo("ok\n2");
        });
        collect("after the rotation of the Postgres login");

        String redis = logins.secret(WRITER_CACHE).get("password");
        pod = writerPod();
        requestRotation(WRITER_CACHE);
        awaitRolled(pod, () -> {
            assertThat(!logins.secret(WRITER_CACHE).get("password").equals(redis))
                    .as("a new password in " + WRITER_CACHE)
                    .isTrue();
            assertThat(probes.redis("writer", "", "SET writer-cache:rotated 1")).isEqualTo("ok\nOK");
        });
        collect("after the rotation of the Redis login");

        // The User Operator's rotation: a new password in its Secret, which the operator copies into the binding.
        String kafka = Passwords.generate();
        pod = writerPod();
        strimzi.strimzi().userSecret(kafkaNamespace, kafkaUser("writer"), kafka);
        awaitRolled(pod, () -> {
            GeneratedPasswords now = new GeneratedPasswords();
            now.collect(admin, namespace, "now");
            assertThat(now.origins().containsKey(kafka))
                    .as("the new Kafka password in the stack's namespace")
                    .isTrue();
        });
        collect("after the rotation of the Kafka user");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(ready()).as(STACK + " Ready").contains(true));
    }

    @Test
    @Order(3)
    void theScanFindsEveryPasswordInTheSecretsThatHoldIt() {
        collect("before deletion");
        List<String> found = new PasswordLeaks(passwords.origins())
                .in(ServedObjects.list(admin, ServedObjects.Type.SECRETS::equals)).stream()
                        .map(Leak::origin)
                        .distinct()
                        .toList();
        // Rotated passwords are gone from the Secrets; the current ones must all be found there, base64-encoded.
        GeneratedPasswords current = new GeneratedPasswords();
        current.collect(admin, namespace, "before deletion");
        current.collect(admin, kafkaNamespace, "before deletion");
        List<String> currentOrigins = current.origins().keySet().stream()
                .map(password -> passwords.origins().get(password))
                .toList();
        assertThat(found).as("passwords the scan found in Secrets").containsAll(currentOrigins);
        assertThat(currentOrigins).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    @Order(4)
    void deletingTheStackDeletesItsDatabasesItsKafkaUsersAndEveryCredential() {
        admin.resources(AppStack.class).inNamespace(namespace).withName(STACK).delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.resources(AppStack.class)
                            .inNamespace(namespace)
                            .list()
                            .getItems())
                    .isEmpty();
            assertThat(admin.resources(Postgres.class)
                            .inNamespace(namespace)
                            .list()
                            .getItems())
                    .isEmpty();
            assertThat(admin.resources(Redis.class)
                            .inNamespace(namespace)
                            .list()
                            .getItems())
                    .isEmpty();
            assertThat(kafkaUsers()).isEmpty();
            for (String ns : List.of(namespace, kafkaNamespace)) {
                GeneratedPasswords left = new GeneratedPasswords();
                left.collect(admin, ns, "after deletion");
                assertThat(left.origins().values()).as("credentials left").isEmpty();
            }
        });
    }

    @Test
    @Order(5)
    void noPasswordStandsInTheOperatorsLogNorInAnyObjectButItsSecrets() throws Exception {
        String canary = "canary/" + Passwords.generate() + "+&=";
        String file = "password=" + canary + "\n";
        admin.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("planted")
                        .addToAnnotations("test.atonix.io/url", URLEncoder.encode(canary, StandardCharsets.UTF_8))
                        .endMetadata()
                        .addToData(
                                "token",
                                Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(canary.getBytes(StandardCharsets.UTF_8)))
                        .addToBinaryData(
                                "app.properties",
                                Base64.getEncoder().encodeToString(file.getBytes(StandardCharsets.UTF_8)))
                        .build())
                .create();
        Map<String, String> needles = new HashMap<>(passwords.origins());
        needles.put(canary, CANARY);
        PasswordLeaks scan = new PasswordLeaks(needles);

        List<ServedObjects.Found> objects = ServedObjects.list(admin, type -> !type.equals(ServedObjects.Type.SECRETS));
        List<Leak> leaks = new ArrayList<>(scan.in(objects));
        leaks.addAll(scan.inLog(operator.logFile()));
        System.out.printf(
                "[secret hygiene] %d passwords looked for in %d objects and %d lines of the operator's log%n",
                passwords.origins().size(),
                objects.size(),
                Files.readAllLines(operator.logFile()).size());
        assertThat(objects)
                .as("the operator's Events of the rotations, among the objects scanned")
                .anyMatch(o -> o.where().startsWith("Event " + namespace + "/")
                        && o.json().path("reason").asText().equals("Rotated"));

        // Found only through its encoded forms: its raw text stands nowhere.
        String planted = "ConfigMap " + namespace + "/planted (v1) at ";
        assertThat(leaks.stream().filter(leak -> leak.origin().equals(CANARY)).map(Leak::where))
                .as("the planted canary, which proves the scan")
                .containsExactlyInAnyOrder(
                        planted + ".metadata.annotations[\"test.atonix.io/url\"]",
                        planted + ".data.token",
                        planted + ".binaryData[\"app.properties\"]");
        assertThat(new PasswordLeaks(Map.of("reconciled AppStack " + namespace + "/" + STACK, "a reconcile"))
                        .inLog(operator.logFile()))
                .as("the operator's log, read by the scan")
                .isNotEmpty();
        assertThat(leaks.stream().filter(leak -> !leak.origin().equals(CANARY)).map(Leak::toString))
                .as(
                        "places outside Secrets where one of the %d generated passwords stands",
                        passwords.origins().size())
                .isEmpty();
    }

    private static String writerPod() {
        return probes.readyPods("writer").get(0).getMetadata().getName();
    }

    /** Waits until the writer's pod {@code before} is gone, a new one is ready, and {@code check} holds. */
    private static void awaitRolled(String before, ThrowingRunnable check) {
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            assertThat(admin.pods().inNamespace(namespace).withName(before).get())
                    .as("the writer's pod " + before)
                    .isNull();
            assertThat(probes.readyPods("writer")).hasSize(1);
            check.run();
        });
    }

    private static void collect(String moment) {
        passwords.collect(admin, namespace, moment);
        passwords.collect(admin, kafkaNamespace, moment);
    }

    private static void requestRotation(String secret) {
        admin.secrets().inNamespace(namespace).withName(secret).edit(s -> {
            s.getMetadata().getAnnotations().put(Rotation.ANNOTATION, "now");
            return s;
        });
    }

    /** The KafkaUser of a service, found by its label: its name is the operator's business. */
    private static String kafkaUser(String service) {
        return kafkaUsers().stream()
                .filter(u -> service.equals(u.getMetadata().getLabels().get(Labels.SERVICE)))
                .findFirst()
                .orElseThrow()
                .getMetadata()
                .getName();
    }

    private static List<GenericKubernetesResource> kafkaUsers() {
        return admin.genericKubernetesResources(StrimziApiVersion.V1.context(StrimziApiVersion.KAFKA_USER))
                .inNamespace(kafkaNamespace)
                .list()
                .getItems();
    }

    private static Optional<Boolean> ready() {
        AppStack stack = admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(STACK)
                .get();
        if (stack == null || stack.getStatus() == null) {
            return Optional.empty();
        }
        return Conditions.find(stack.getStatus().conditions(), ConditionTypes.READY)
                .map(Condition::holds);
    }
}
