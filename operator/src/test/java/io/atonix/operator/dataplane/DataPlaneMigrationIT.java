package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.jobs.JobNames;
import io.atonix.operator.jobs.MigrationStatus;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A migration on the data plane, through the packaged operator (resources/dataplane/migration-stack.yaml): the job runs
 * the probe application once with its {@code Owner} login and creates a table, the service api starts only after it
 * succeeded and uses the table with its {@code ReadWrite} login; a failing migration keeps the old version serving
 * and the stack says MigrationFailed; a fixed one rolls the new version out.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataPlaneMigrationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final String STACK = "ledger";

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static ProbeCalls probes;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-migrate");
        namespace = namespaces.restricted("ledger");
        DataPlane.admit(admin, namespace);
        probes = new ProbeCalls(admin, namespace, STACK);
        operator = OperatorProcess.start(RealCluster.plane(), "dp-migrate");
        try (var yaml = DataPlaneMigrationIT.class.getResourceAsStream("/dataplane/migration-stack.yaml")) {
            admin.resources(AppStack.class).inNamespace(namespace).load(yaml).create();
        }
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(ready()).as(STACK + " Ready").contains(true));
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
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    @Order(1)
    void theMigrationCreatesATableOwnedByTheOwnerRoleAndTheServiceStartsAfterItAndUsesIt() throws Exception {
        Job migration = migrations().get(0);
        assertThat(migration.getStatus().getSucceeded()).isEqualTo(1);
        Instant migrated = Instant.parse(migration.getStatus().getCompletionTime());
        Pod api = probes.readyPods("api").get(0);
        assertThat(Instant.parse(api.getMetadata().getCreationTimestamp()))
                .as("the api pod is created after the migration completed")
                .isAfterOrEqualTo(migrated);

        assertThat(probes.postgres("api", "", "INSERT INTO entries (amount) VALUES (5)"))
                .isEqualTo("ok\n1");
        assertThat(probes.postgres("api", "", "SELECT tableowner FROM pg_tables WHERE tablename = 'entries'"))
                .isEqualTo("ok\nledger_owner");
        assertThat(probes.postgres("api", "", "CREATE TABLE mine (id int)")).startsWith("refused 42501");
    }

    @Test
    @Order(2)
    void aFailingMigrationKeepsTheOldVersionServingAndTheStackSaysMigrationFailed() throws Exception {
        String servingPod = probes.readyPods("api").get(0).getMetadata().getUid();

        newVersion("CREATE TABLE broken (id int REFERENCES nowhere (id))", "2");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Optional<ComponentStatus> migration = migrationComponent();
            assertThat(migration).map(ComponentStatus::reason).contains(MigrationStatus.REASON_FAILED);
            AppStack stack = stack();
            assertThat(Conditions.find(stack.getStatus().conditions(), ConditionTypes.READY))
                    .hasValueSatisfying(c -> {
                        assertThat(c.holds()).isFalse();
                        assertThat(c.reason()).isEqualTo(MigrationStatus.REASON_FAILED);
                    });
        });
        assertThat(migrations())
                .singleElement()
                .satisfies(job -> assertThat(job.getStatus().getFailed()).isEqualTo(1));
        assertThat(version())
                .as("the api Deployment keeps the previous version")
                .isEqualTo("1");
        assertThat(probes.readyPods("api"))
                .singleElement()
                .satisfies(pod -> assertThat(pod.getMetadata().getUid()).isEqualTo(servingPod));
        assertThat(probes.postgres("api", "", "INSERT INTO entries (amount) VALUES (6)"))
                .isEqualTo("ok\n1");
    }

    @Test
    @Order(3)
    void aFixedMigrationRunsAndTheNewVersionRollsOut() throws Exception {
        newVersion("ALTER TABLE entries ADD COLUMN IF NOT EXISTS note text", "2");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(ready()).contains(true);
            assertThat(version()).isEqualTo("2");
            assertThat(probes.readyPods("api")).hasSize(1);
        });
        assertThat(migrationComponent()).map(ComponentStatus::reason).contains(MigrationStatus.REASON_SUCCEEDED);
        assertThat(probes.postgres("api", "", "INSERT INTO entries (amount, note) VALUES (7, 'fixed')"))
                .isEqualTo("ok\n1");
        assertThat(probes.postgres("api", "", "SELECT count(*) FROM entries")).isEqualTo("ok\n3");
    }

    /** A new version of the job (its SQL) and of the api (its VERSION): one JSON patch, no conflict to retry. */
    private static void newVersion(String sql, String version) {
        String patch = "[{\"op\":\"replace\",\"path\":\"/spec/jobs/0/args/1\",\"value\":\"" + sql + "\"},"
                + "{\"op\":\"replace\",\"path\":\"/spec/services/0/env/0/value\",\"value\":\"" + version + "\"}]";
        admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(STACK)
                .patch(PatchContext.of(PatchType.JSON), patch);
    }

    private static List<Job> migrations() {
        String prefix = JobNames.migrationPrefix(STACK, "migrate");
        return admin.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
                .filter(job -> job.getMetadata().getName().startsWith(prefix))
                .filter(job -> job.getMetadata().getDeletionTimestamp() == null)
                .toList();
    }

    private static String version() {
        return admin
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName(io.atonix.operator.common.Names.service(STACK, "api"))
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .stream()
                .filter(e -> e.getName().equals("VERSION"))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private static Optional<ComponentStatus> migrationComponent() {
        return stack().getStatus().components().stream()
                .filter(c -> c.component().equals(MigrationStatus.COMPONENT))
                .findFirst();
    }

    private static AppStack stack() {
        return admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(STACK)
                .get();
    }

    private static Optional<Boolean> ready() {
        AppStack stack = stack();
        if (stack == null || stack.getStatus() == null) {
            return Optional.empty();
        }
        return Conditions.find(stack.getStatus().conditions(), ConditionTypes.READY)
                .map(Condition::holds);
    }
}
