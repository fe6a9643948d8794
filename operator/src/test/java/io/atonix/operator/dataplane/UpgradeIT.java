package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Release;
import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Names;
import io.atonix.operator.install.RenderedChart;
import io.atonix.operator.realcluster.AuditLog;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The previous release (tools/previous-release/commit: the commit that released atonix.io/v1beta1, built from this
 * repository's history) installed by real Helm with its own CRDs, running a stack with PostgreSQL, Redis and a (played)
 * Strimzi Kafka on the data plane, with rows and keys in it; then upgraded as docs/install.md says: the head's CRDs
 * applied, {@code helm upgrade} to the head's chart, the head's operator started with the release's ServiceAccount. What
 * the new operator writes and which pods it restarts is measured against what its builders really make differently.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class UpgradeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(300);
    private static final String STACK = "shop";

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static String kafkaNamespace;
    private static PlayedStrimzi strimzi;
    private static OperatorRelease release;
    private static OperatorProcess operator;
    private static ClusterLogins logins;
    private static ProbeCalls probes;
    private static Release upgraded;
    private static ClusterSnapshot before;
    private static ClusterSnapshot kafkaBefore;
    private static ClusterSnapshot after;
    private static ClusterSnapshot kafkaAfter;
    private static final List<String> writes = new ArrayList<>();
    private static final Map<String, Map<String, String>> secretsBefore = new TreeMap<>();
    /** Each KafkaTopic deleted during the upgrade, as last seen: detached from the Topic Operator or not. */
    private static final Map<String, GenericKubernetesResource> topicsDeleted = new ConcurrentHashMap<>();

    @BeforeAll
    static void upgradeAStackThatRunsOnThePreviousRelease() throws Exception {
        Path previous = TestPrograms.previousRelease();
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "upgrade");
        namespace = namespaces.restricted("shop");
        kafkaNamespace = namespaces.plain("kafka");
        DataPlane.admit(admin, namespace);
        logins = new ClusterLogins(admin, namespace);
        probes = new ProbeCalls(admin, namespace, STACK);
        strimzi = PlayedStrimzi.start(admin, kafkaNamespace);

        RealCluster.applyCrds(admin, previous.resolve("crds"));
        release = OperatorRelease.install(RealCluster.plane(), admin, previous.resolve("helm/atonix-operator"));
        operator = OperatorProcess.start(
                RealCluster.plane(),
                "upgrade-previous",
                release.identity("upgrade-previous"),
                Map.of(),
                previous.resolve("operator/target/quarkus-app/quarkus-run.jar"));
        PlayedStrimzi.createKafkaStack(admin, namespace, kafkaNamespace);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(ready()).as(STACK + " Ready").contains(true));
        writeData();
        before = ClusterSnapshot.take(admin, namespace);
        admin.secrets().inNamespace(namespace).list().getItems().stream()
                .filter(secret -> secret.getData() != null)
                .forEach(secret -> secretsBefore.put(
                        secret.getMetadata().getName(),
                        logins.secret(secret.getMetadata().getName())));
        kafkaBefore = ClusterSnapshot.take(admin, kafkaNamespace);
        operator.close();

        SharedIndexInformer<GenericKubernetesResource> topics = watchDeletedTopics();
        AuditLog audit = new AuditLog(RealCluster.plane().auditLog());
        long mark = audit.mark();
        RealCluster.applyCrds(admin, RealCluster.repositoryRoot().resolve("crds"));
        upgraded = release.upgrade(RenderedChart.directory());
        operator =
                OperatorProcess.start(RealCluster.plane(), "upgrade-head", release.identity("upgrade-head"), Map.of());
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(operator.reconciliationsOf(namespace, STACK)).isPositive();
            assertThat(ready()).as(STACK + " Ready").contains(true);
        });
        audit.awaitSettled(operator.user(), namespace, Duration.ofSeconds(20), TIMEOUT);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(ready()).contains(true));
        writes.addAll(audit.writesBy(operator.user(), namespace, mark));
        writes.addAll(audit.writesBy(operator.user(), kafkaNamespace, mark));
        after = ClusterSnapshot.take(admin, namespace);
        kafkaAfter = ClusterSnapshot.take(admin, kafkaNamespace);
        topics.close();
        report();
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
                try {
                    if (release != null) {
                        release.close();
                    }
                    if (strimzi != null) {
                        strimzi.close();
                    }
                } finally {
                    // The classes after this one meet the head's CRDs, whatever happened here.
                    RealCluster.applyCrds(admin, RealCluster.repositoryRoot().resolve("crds"));
                    admin.close();
                }
            }
        }
    }

    @Test
    void helmUpgradesThePreviousReleaseToTheHeadsChartInPlace() {
        assertThat(upgraded.getStatus()).isEqualTo("deployed");
        assertThat(upgraded.getRevision()).isEqualTo("2");
        assertThat(admin.apps()
                        .deployments()
                        .inNamespace(OperatorRelease.NAMESPACE)
                        .list()
                        .getItems())
                .as("the operator's Deployment, upgraded in place")
                .singleElement()
                .satisfies(d -> assertThat(d.getMetadata().getGeneration()).isGreaterThan(0L));
    }

    @Test
    void theNewOperatorWritesOnlyObjectsItsBuildersMakeDifferentlyAndDeletesNoData() {
        List<String> unchangedButWritten = new ArrayList<>();
        for (String write : writes) {
            String[] parts = write.split(" ");
            if (parts[1].contains("/") || parts[1].equals("events") || parts[0].equals("delete")) {
                continue; // status subresources and Events are reports, not children; deletions are below
            }
            String key = parts[1] + " " + parts[2].substring(parts[2].indexOf('/') + 1);
            boolean kafkaSide = parts[2].startsWith(kafkaNamespace + "/");
            ClusterSnapshot was = kafkaSide ? kafkaBefore : before;
            ClusterSnapshot is = kafkaSide ? kafkaAfter : after;
            if (was.contents().containsKey(key)
                    && was.contents().get(key).equals(is.contents().get(key))) {
                unchangedButWritten.add(write);
            }
        }
        assertThat(unchangedButWritten).as("writes that changed nothing").isEmpty();
        for (ClusterSnapshot[] pair :
                List.of(new ClusterSnapshot[] {before, after}, new ClusterSnapshot[] {kafkaBefore, kafkaAfter})) {
            pair[0].uids().forEach((key, uid) -> {
                if (pair[1].uids().containsKey(key)) {
                    assertThat(pair[1].uids().get(key)).as("the uid of " + key).isEqualTo(uid);
                } else {
                    // Only a KafkaTopic may go: one whose name in Kafka the head scopes, detached first so that the
                    // Topic Operator keeps the topic and its messages in Kafka.
                    String name = key.substring("kafkatopics ".length());
                    assertThat(key).as("an object gone after the upgrade").startsWith("kafkatopics ");
                    assertThat(topicsDeleted.get(name).getMetadata().getAnnotations())
                            .as("the KafkaTopic " + name + " when it was deleted")
                            .containsEntry("strimzi.io/managed", "false");
                }
            });
        }
    }

    @Test
    void onlyWorkloadsWhosePodTemplateReallyChangedRestartTheirPods() {
        for (String workload : before.templates().keySet()) {
            List<String> differences = TemplateDifference.between(
                    before.templates().get(workload), after.templates().get(workload));
            if (differences.isEmpty()) {
                assertThat(after.pods().get(workload))
                        .as("the pods and restarts of " + workload + ", whose template means the same")
                        .isEqualTo(before.pods().get(workload));
                assertThat(after.templates().get(workload))
                        .as("the template of " + workload + ", written in another form")
                        .isEqualTo(before.templates().get(workload));
            }
        }
    }

    @Test
    void everyCredentialRowKeyAndKafkaTopicSurvivesTheUpgrade() throws Exception {
        assertThat(secretsBefore).as("the stack's Secrets").isNotEmpty();
        secretsBefore.forEach(
                (name, data) -> assertThat(logins.secret(name)).as(name).containsAllEntriesOf(data));
        assertThat(probes.postgres("reader", "", "SELECT id, items FROM carts")).isEqualTo("ok\n1\t4");
        assertThat(probes.postgres("writer", "", "UPDATE carts SET items = 5 WHERE id = 1"))
                .isEqualTo("ok\n1");
        assertThat(probes.redis("reader", "", "GET writer-cache:cart")).isEqualTo("ok\n4");
        // The previous release named the topic orders in Kafka; the head names it <namespace>.<stack>.orders and
        // leaves the old topic, with its messages, to Kafka: its KafkaTopic is detached from the Topic Operator first.
        GenericKubernetesResource old = admin.genericKubernetesResources("kafka.strimzi.io/v1", "KafkaTopic")
                .inNamespace(kafkaNamespace)
                .withName("orders")
                .get();
        assertThat((old != null ? old : topicsDeleted.get("orders"))
                        .getMetadata()
                        .getAnnotations())
                .as("the previous release's KafkaTopic orders")
                .containsEntry("strimzi.io/managed", "false");
    }

    private static SharedIndexInformer<GenericKubernetesResource> watchDeletedTopics() {
        return admin.genericKubernetesResources("kafka.strimzi.io/v1", "KafkaTopic")
                .inNamespace(kafkaNamespace)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource topic) {}

                    @Override
                    public void onUpdate(GenericKubernetesResource was, GenericKubernetesResource is) {}

                    @Override
                    public void onDelete(GenericKubernetesResource topic, boolean finalStateUnknown) {
                        topicsDeleted.put(topic.getMetadata().getName(), topic);
                    }
                });
    }

    private static void writeData() throws Exception {
        String postgres = STACK + "-postgres";
        try (var owner = logins.connect(
                logins.secret(postgres + "-orders-owner"), Names.serviceHost(postgres, namespace), "orders")) {
            owner.createStatement().execute("CREATE TABLE carts (id int PRIMARY KEY, items int)");
        }
        assertThat(probes.postgres("writer", "", "INSERT INTO carts VALUES (1, 4)"))
                .isEqualTo("ok\n1");
        assertThat(probes.redis("writer", "", "SET writer-cache:cart 4")).isEqualTo("ok\nOK");
    }

    /** What the CI log keeps of the upgrade: the writes by kind, and each pod template that changed and how. */
    private static void report() {
        Map<String, Integer> byKind = new TreeMap<>();
        for (String write : writes) {
            String[] parts = write.split(" ");
            byKind.merge(parts[0] + " " + parts[1], 1, Integer::sum);
        }
        System.out.printf("Upgrade from the previous release: %d writing requests %s%n", writes.size(), byKind);
        for (String workload : before.templates().keySet()) {
            List<String> differences = TemplateDifference.between(
                    before.templates().get(workload), after.templates().get(workload));
            boolean restarted = !before.pods().equals(after.pods())
                    && !String.valueOf(before.pods().get(workload))
                            .equals(String.valueOf(after.pods().get(workload)));
            System.out.printf(
                    "Upgrade: %s: %s%s%n",
                    workload,
                    differences.isEmpty() ? "pod template unchanged" : "pod template changed " + differences,
                    restarted ? ", pods replaced or restarted" : ", same pods");
        }
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
