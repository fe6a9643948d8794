package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Names;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backups of a standalone Postgres on the data plane, through the packaged operator: a Job made from the operator's
 * backup CronJob as {@code kubectl create job --from=cronjob/...} makes it runs the image's pg_dump for real against
 * the server (its pod no endpoint of the Postgres' Services, which it once was), and the dump it leaves in the backup
 * claim restores, with Debian 15's pg_restore, into a fresh Postgres
 * the operator created, with the rows intact. A backup whose pg_dump fails ends as a failed Job.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataPlaneBackupIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String SOURCE = "shop-db";
    private static final String RESTORED = "shop-db-restored";
    /**
     * A Postgres 17, whose backups fail here: the image's pg_dump is Debian's 15 (the only client tools of this
     * machine), which refuses to dump a newer server. The official postgres:17 image has pg_dump 17.
     */
    private static final String NEWER = "archive-db";

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static ClusterLogins logins;
    private static BackupRuns runs;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-backup");
        namespace = namespaces.restricted("shop");
        DataPlane.admit(admin, namespace);
        logins = new ClusterLogins(admin, namespace);
        runs = new BackupRuns(admin, namespace);
        operator = OperatorProcess.start(RealCluster.plane(), "dp-backup");
        BackupSpec nightly = BackupSpec.toVolume("0 3 * * *", 2, VolumeSpec.of("1Gi"));
        admin.resource(postgres(SOURCE, "15", "orders", nightly)).create();
        admin.resource(postgres(RESTORED, "15", "orders", null)).create();
        admin.resource(postgres(NEWER, "17", "archive", nightly)).create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (String name : List.of(SOURCE, RESTORED, NEWER)) {
                assertThat(ready(name)).as(name + " Ready").isTrue();
            }
        });
    }

    /** A Postgres with one database and a ReadWrite role, {@code checkout}, of it. */
    private static Postgres postgres(String name, String version, String database, BackupSpec backup) {
        Postgres postgres = new Postgres();
        postgres.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        postgres.setSpec(new PostgresSpec(
                version,
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec(database, null)),
                List.of(new RoleSpec("checkout", database, Access.ReadWrite)),
                null,
                null,
                backup,
                DeletionPolicy.Delete,
                null,
                null,
                null));
        return postgres;
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
    void aJobMadeFromTheBackupCronJobRunsPgDumpOnTheAgentOutsideThePostgresServicesAndLeavesOneCompleteDumpInTheClaim()
            throws Exception {
        try (Connection owner = connect(SOURCE, logins.secret(SOURCE + "-orders-owner"))) {
            owner.createStatement().execute("CREATE TABLE carts (id int PRIMARY KEY, items int)");
        }
        try (Connection checkout = connect(SOURCE, login(SOURCE));
                Statement sql = checkout.createStatement()) {
            assertThat(sql.executeUpdate("INSERT INTO carts VALUES (1, 3), (2, 5)"))
                    .isEqualTo(2);
        }

        admin.resource(ManualJob.from(runs.cronJob(SOURCE), "shop-db-backups-now"))
                .create();

        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(runs.conditions("shop-db-backups-now")).contains("Complete"));
        Pod pod = runs.pods("shop-db-backups-now").get(0);
        assertThat(pod.getSpec().getNodeName()).isEqualTo(DataPlane.NODE);
        assertThat(pod.getStatus().getContainerStatuses().get(0).getImage()).isEqualTo("postgres:15");
        for (String service : List.of(SOURCE, Names.postgresHeadless(SOURCE))) {
            Map<String, String> selector = admin.services()
                    .inNamespace(namespace)
                    .withName(service)
                    .get()
                    .getSpec()
                    .getSelector();
            assertThat(pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .as("the backup pod is an endpoint of the Service " + service + ", which selects " + selector)
                    .isFalse();
        }
        assertThat(runs.files(SOURCE))
                .singleElement()
                .satisfies(name -> assertThat(name).matches("orders-\\d{8}T\\d{6}Z\\.dump"));
    }

    @Test
    @Order(2)
    void theDumpRestoredWithPgRestoreIntoAFreshPostgresGivesItsReadWriteRoleTheRowsIntact() throws Exception {
        Path dump = runs.directory(SOURCE).resolve(runs.files(SOURCE).get(0));

        PgRestore.into(
                dump,
                logins.address(Names.serviceHost(RESTORED, namespace)),
                "orders",
                logins.secret(RESTORED + "-orders-owner"));

        try (Connection checkout = connect(RESTORED, login(RESTORED));
                Statement sql = checkout.createStatement();
                ResultSet rows = sql.executeQuery("SELECT id, items FROM carts ORDER BY id")) {
            assertThat(rows.next()).isTrue();
            assertThat(List.of(rows.getInt(1), rows.getInt(2))).containsExactly(1, 3);
            assertThat(rows.next()).isTrue();
            assertThat(List.of(rows.getInt(1), rows.getInt(2))).containsExactly(2, 5);
            assertThat(rows.next()).isFalse();
            assertThat(sql.executeUpdate("UPDATE carts SET items = 6 WHERE id = 2"))
                    .as("the restored table is writable by the fresh Postgres' ReadWrite role")
                    .isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void aBackupWhosePgDumpFailsEndsAsAFailedJobAndLeavesNothingInTheBackupClaim() throws Exception {
        admin.resource(ManualJob.from(runs.cronJob(NEWER), "archive-db-backups-now"))
                .create();

        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(runs.conditions("archive-db-backups-now")).contains("Failed"));
        assertThat(runs.pods("archive-db-backups-now")).isNotEmpty().allSatisfy(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
            assertThat(pod.getStatus()
                            .getContainerStatuses()
                            .get(0)
                            .getState()
                            .getTerminated()
                            .getExitCode())
                    .isEqualTo(1);
        });
        assertThat(runs.files(NEWER)).as("no dump, and no partial one").isEmpty();
    }

    private static boolean ready(String name) {
        Postgres current = admin.resources(Postgres.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        return current != null
                && current.getStatus() != null
                && Conditions.find(current.getStatus().conditions(), ConditionTypes.READY)
                        .map(c -> c.holds())
                        .orElse(false);
    }

    /** The binding Secret of a Postgres' ReadWrite role. */
    private static Map<String, String> login(String postgres) {
        return logins.secret(postgres + "-checkout-login");
    }

    /** Connects with a Secret's login to the Postgres' Service and database {@code orders}. */
    private static Connection connect(String postgres, Map<String, String> login) throws Exception {
        return logins.connect(login, Names.serviceHost(postgres, namespace), "orders");
    }
}
