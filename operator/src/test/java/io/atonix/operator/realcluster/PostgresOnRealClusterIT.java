package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.operator.postgres.PostgresBackups;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Postgres on a real control plane: its StatefulSet passes the restricted Pod Security profile and runs on a kwok
 * node with a bound volume claim, and the deletion policy decides whether the claim outlives the resource (through
 * the StatefulSet controller's own retention policy); its backup CronJob runs pg_dump of every database into the backup
 * claim, and a Job made from it is admitted under restricted. No real PostgreSQL runs on kwok nodes, so provisioning is
 * proven against a real server elsewhere (PostgresProvisionerTest).
 */
@ExtendWith(RealCluster.class)
class PostgresOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "postgres");
        namespace = namespaces.restricted("databases");
        operator = OperatorProcess.start(RealCluster.plane(), "postgres");
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
    void retainKeepsTheVolumeClaimAfterTheResourceIsDeleted() {
        assertThat(runAndDelete("keep", DeletionPolicy.Retain))
                .as("claim after deletion")
                .isTrue();
    }

    @Test
    void deleteRemovesTheVolumeClaimWithTheResource() {
        assertThat(runAndDelete("drop", DeletionPolicy.Delete))
                .as("claim after deletion")
                .isFalse();
    }

    @Test
    void theBackupCronJobDumpsEveryDatabaseIntoItsClaimAndAJobOfItIsAdmittedUnderRestricted() {
        Postgres pg = new Postgres();
        pg.setMetadata(new ObjectMetaBuilder()
                .withName("nightly")
                .withNamespace(namespace)
                .build());
        pg.setSpec(new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", List.of()), new DatabaseSpec("audit", List.of())),
                List.of(),
                Map.of(),
                null,
                BackupSpec.toVolume("0 3 * * *", 2, VolumeSpec.of("1Gi")),
                null,
                null,
                null,
                null));
        admin.resource(pg).create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.batch()
                            .v1()
                            .cronjobs()
                            .inNamespace(namespace)
                            .withName("nightly-backups")
                            .get())
                    .isNotNull();
            assertThat(admin.persistentVolumeClaims()
                            .inNamespace(namespace)
                            .withName("nightly-backups")
                            .get()
                            .getStatus()
                            .getPhase())
                    .as("the backup claim")
                    .isEqualTo("Bound");
            assertThat(admin.secrets()
                            .inNamespace(namespace)
                            .withName("nightly-superuser")
                            .get()
                            .getData())
                    .containsKey("password");
        });
        Postgres stored = admin.resources(Postgres.class)
                .inNamespace(namespace)
                .withName("nightly")
                .get();
        CronJob cronJob = admin.batch()
                .v1()
                .cronjobs()
                .inNamespace(namespace)
                .withName("nightly-backups")
                .get();
        PodSpec desired = PostgresBackups.cronJob(stored)
                .orElseThrow()
                .getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getSpec();
        assertThat(cronJob.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getUid()).isEqualTo(stored.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
        });
        assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 3 * * *");
        assertThat(cronJob.getSpec().getConcurrencyPolicy())
                .as("a slow dump never overlaps the next")
                .isEqualTo("Forbid");
        PodSpec pod = cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container dump = pod.getContainers().get(0);
        assertThat(dump.getImage()).isEqualTo("postgres:16");
        assertThat(dump.getCommand()).isEqualTo(desired.getContainers().get(0).getCommand());
        assertThat(String.join(" ", dump.getCommand()))
                .contains("for db in shop audit; do", "pg_dump --format=custom", "tail -n +3");
        assertThat(dump.getEnv()).isEqualTo(desired.getContainers().get(0).getEnv());
        assertThat(dump.getEnv()).anySatisfy(env -> {
            assertThat(env.getName()).isEqualTo("PGPASSWORD");
            assertThat(env.getValue()).as("no literal password").isNull();
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("nightly-superuser");
            assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
        });
        assertThat(dump.getVolumeMounts())
                .singleElement()
                .satisfies(m -> assertThat(m.getMountPath()).isEqualTo(PostgresBackups.MOUNT));
        assertThat(pod.getVolumes())
                .singleElement()
                .satisfies(v ->
                        assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("nightly-backups"));

        // What the schedule will do at 03:00, done now (kubectl create job --from=cronjob/nightly-backups): the Job's
        // pod is admitted where restricted Pod Security is enforced, and runs on a kwok node with the backup claim.
        Job job = new JobBuilder()
                .withNewMetadata()
                .withName("nightly-backups-now")
                .withNamespace(namespace)
                .addToAnnotations("cronjob.kubernetes.io/instantiate", "manual")
                .addNewOwnerReference()
                .withApiVersion("batch/v1")
                .withKind("CronJob")
                .withName(cronJob.getMetadata().getName())
                .withUid(cronJob.getMetadata().getUid())
                .endOwnerReference()
                .endMetadata()
                .withSpec(cronJob.getSpec().getJobTemplate().getSpec())
                .build();
        admin.resource(job).create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<Pod> pods = admin.pods()
                    .inNamespace(namespace)
                    .withLabel("batch.kubernetes.io/job-name", "nightly-backups-now")
                    .list()
                    .getItems();
            assertThat(pods)
                    .as("pods of the backup Job (none when admission refuses them)")
                    .isNotEmpty();
            assertThat(pods.get(0).getStatus().getPhase()).isIn("Running", "Succeeded");
            assertThat(pods.get(0).getSpec().getVolumes())
                    .filteredOn(v -> v.getPersistentVolumeClaim() != null)
                    .extracting(v -> v.getPersistentVolumeClaim().getClaimName())
                    .containsExactly("nightly-backups");
        });
    }

    /** Whether the data claim still exists once the Postgres and its StatefulSet are gone. */
    private static boolean runAndDelete(String name, DeletionPolicy policy) {
        Postgres pg = new Postgres();
        pg.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        pg.setSpec(new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("app", List.of())),
                List.of(),
                Map.of(),
                null,
                null,
                policy,
                null,
                null,
                null));
        admin.resource(pg).create();
        String claim = "data-" + name + "-0";
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var sts = admin.apps()
                    .statefulSets()
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
            assertThat(sts).isNotNull();
            assertThat(sts.getStatus().getReadyReplicas()).isEqualTo(1);
            assertThat(admin.persistentVolumeClaims()
                            .inNamespace(namespace)
                            .withName(claim)
                            .get()
                            .getStatus()
                            .getPhase())
                    .isEqualTo("Bound");
        });
        admin.resources(Postgres.class).inNamespace(namespace).withName(name).delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.apps()
                            .statefulSets()
                            .inNamespace(namespace)
                            .withName(name)
                            .get())
                    .isNull();
            assertThat(admin.pods().inNamespace(namespace).withName(name + "-0").get())
                    .isNull();
        });
        // Under Retain the superuser's Secret stays, unowned, for a new Postgres of the name (RetainAndReopenIT).
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var superuser = admin.secrets()
                    .inNamespace(namespace)
                    .withName(name + "-superuser")
                    .get();
            if (policy == DeletionPolicy.Delete) {
                assertThat(superuser).as("superuser Secret under Delete").isNull();
            } else {
                assertThat(superuser).as("superuser Secret under Retain").isNotNull();
                assertThat(superuser.getMetadata().getOwnerReferences()).isNullOrEmpty();
            }
        });
        if (policy == DeletionPolicy.Delete) {
            await().atMost(TIMEOUT)
                    .until(() -> admin.persistentVolumeClaims()
                                    .inNamespace(namespace)
                                    .withName(claim)
                                    .get()
                            == null);
        } else {
            // The StatefulSet is gone, so its controller can no longer act on the claim; with no owner left on the
            // claim
            // and no deletion under way, the garbage collector never will either: the claim stays.
            await().atMost(TIMEOUT).untilAsserted(() -> {
                PersistentVolumeClaim kept = admin.persistentVolumeClaims()
                        .inNamespace(namespace)
                        .withName(claim)
                        .get();
                assertThat(kept).as("claim after deletion").isNotNull();
                assertThat(kept.getMetadata().getOwnerReferences())
                        .as("owners of the kept claim")
                        .isNullOrEmpty();
                assertThat(kept.getMetadata().getDeletionTimestamp())
                        .as("deletion of the kept claim")
                        .isNull();
            });
        }
        return admin.persistentVolumeClaims()
                        .inNamespace(namespace)
                        .withName(claim)
                        .get()
                != null;
    }
}
