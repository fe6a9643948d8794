package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.operator.appstack.CrdsInMockServer;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Rotation;
import io.atonix.operator.common.SecretChecksum;
import io.atonix.operator.common.Updates;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Postgres controller against the mock API server: the objects, the credentials, refused specs. */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class PostgresReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Test
    void createsCredentialsConfigServicesAndStatefulSetAndNeverRegeneratesAPassword() {
        create("pg-create", "orders", spec(1, Map.of()));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(client.apps()
                            .statefulSets()
                            .inNamespace("pg-create")
                            .withName("orders")
                            .get())
                    .isNotNull();
            assertThat(client.configMaps()
                            .inNamespace("pg-create")
                            .withName("orders-config")
                            .get())
                    .isNotNull();
            assertThat(client.services()
                            .inNamespace("pg-create")
                            .withName("orders")
                            .get())
                    .isNotNull();
            assertThat(client.services()
                            .inNamespace("pg-create")
                            .withName("orders-headless")
                            .get())
                    .isNotNull();
        });
        List<String> secrets = List.of("orders-superuser", "orders-monitoring", "orders-shop-data-owner");
        Map<String, String> passwords = new java.util.HashMap<>();
        for (String name : secrets) {
            Secret secret =
                    client.secrets().inNamespace("pg-create").withName(name).get();
            assertThat(secret).as(name).isNotNull();
            String password = password(secret);
            assertThat(password).isNotBlank();
            passwords.put(name, password);
        }
        assertThat(passwords.values()).doesNotHaveDuplicates();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Postgres pg = get("pg-create", "orders");
            assertThat(condition(pg, ConditionTypes.READY).reason()).isEqualTo(PostgresStatusBuilder.REASON_STARTING);
            assertThat(pg.getStatus().binding()).as("no spec.binding, so none").isNull();
        });

        // A new parameter rolls the StatefulSet (its config hash changes) and leaves every password as it was.
        String before = client.apps()
                .statefulSets()
                .inNamespace("pg-create")
                .withName("orders")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(PostgresStatefulSets.CONFIG_HASH);
        Updates.change(
                client, Postgres.class, "pg-create", "orders", r -> r.setSpec(spec(1, Map.of("work_mem", "16MB"))));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(client.apps()
                                .statefulSets()
                                .inNamespace("pg-create")
                                .withName("orders")
                                .get()
                                .getSpec()
                                .getTemplate()
                                .getMetadata()
                                .getAnnotations()
                                .get(PostgresStatefulSets.CONFIG_HASH))
                        .isNotEqualTo(before));
        for (String name : secrets) {
            Secret secret =
                    client.secrets().inNamespace("pg-create").withName(name).get();
            String password = password(secret);
            assertThat(password).as(name).isEqualTo(passwords.get(name));
        }
    }

    @Test
    void moreThanOneInstanceIsRefusedAndChangesNothing() {
        create("pg-refused", "orders", spec(3, Map.of()));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get("pg-refused", "orders"), ConditionTypes.READY);
            assertThat(ready.reason()).isEqualTo(PostgresStatusBuilder.REASON_INVALID_SPEC);
            assertThat(ready.message()).contains("spec.instances");
        });
        assertThat(client.apps().statefulSets().inNamespace("pg-refused").list().getItems())
                .isEmpty();
        assertThat(client.secrets().inNamespace("pg-refused").list().getItems()).isEmpty();
    }

    @Test
    void aParameterTheServerWouldRefuseIsAnInvalidSpecAndTheRunningConfigStays() throws Exception {
        create("pg-params", "orders", spec(1, Map.of("work_mem", "8MB")));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(client.configMaps()
                            .inNamespace("pg-params")
                            .withName("orders-config")
                            .get())
                    .isNotNull();
            // The StatefulSet follows the credentials and the config, in a later step of the workflow.
            assertThat(client.apps()
                            .statefulSets()
                            .inNamespace("pg-params")
                            .withName("orders")
                            .get())
                    .isNotNull();
        });
        String config = client.configMaps()
                .inNamespace("pg-params")
                .withName("orders-config")
                .get()
                .getData()
                .get(PostgresConfig.FILE);
        String template = client.apps()
                .statefulSets()
                .inNamespace("pg-params")
                .withName("orders")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(PostgresStatefulSets.CONFIG_HASH);

        // A misspelt name and a unit in the wrong case: the server would not start with either.
        Updates.change(
                client,
                Postgres.class,
                "pg-params",
                "orders",
                p -> p.setSpec(spec(1, Map.of("work_mem", "8mb", "shared_bufers", "1GB"))));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get("pg-params", "orders"), ConditionTypes.READY);
            assertThat(ready.reason()).isEqualTo(PostgresStatusBuilder.REASON_INVALID_SPEC);
            assertThat(ready.message())
                    .contains(
                            "spec.parameters.shared_bufers: PostgreSQL 16 has no such parameter (did you mean shared_buffers?)")
                    .contains("spec.parameters.work_mem: 'mb' is not a unit of this parameter");
        });
        assertThat(client.configMaps()
                        .inNamespace("pg-params")
                        .withName("orders-config")
                        .get()
                        .getData()
                        .get(PostgresConfig.FILE))
                .isEqualTo(config);
        assertThat(client.apps()
                        .statefulSets()
                        .inNamespace("pg-params")
                        .withName("orders")
                        .get()
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations()
                        .get(PostgresStatefulSets.CONFIG_HASH))
                .isEqualTo(template);
    }

    @Test
    void backupsRunOnScheduleIntoAClaimThatOutlivesTheirRemoval() {
        PostgresSpec withBackup = new PostgresSpec(
                "16",
                1,
                VolumeSpec.of("5Gi"),
                List.of(new DatabaseSpec("shop_data", List.of())),
                null,
                null,
                null,
                BackupSpec.toVolume("0 3 * * *", 3, VolumeSpec.of("2Gi")),
                null,
                null,
                null,
                null);
        create("pg-backup", "orders", withBackup);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var job = client.batch()
                    .v1()
                    .cronjobs()
                    .inNamespace("pg-backup")
                    .withName("orders-backups")
                    .get();
            assertThat(job).isNotNull();
            assertThat(job.getSpec().getSchedule()).isEqualTo("0 3 * * *");
            // The whole CronJob the builder makes for the stored Postgres (the mock server adds no defaults): pg_dump
            // of
            // the database into the claim, the password from the superuser Secret; PostgresOnRealClusterIT runs a Job
            // of it.
            Postgres stored = get("pg-backup", "orders");
            assertThat(job.getSpec())
                    .isEqualTo(PostgresBackups.cronJob(stored).orElseThrow().getSpec());
            assertThat(String.join(
                            " ",
                            job.getSpec()
                                    .getJobTemplate()
                                    .getSpec()
                                    .getTemplate()
                                    .getSpec()
                                    .getContainers()
                                    .get(0)
                                    .getCommand()))
                    .contains("for db in shop_data; do", "pg_dump --format=custom", "tail -n +4");
            var claim = client.persistentVolumeClaims()
                    .inNamespace("pg-backup")
                    .withName("orders-backups")
                    .get();
            assertThat(claim).isNotNull();
            assertThat(claim.getMetadata().getOwnerReferences())
                    .as("Retain: no owner, so the backups outlive the Postgres")
                    .isNullOrEmpty();
        });

        Updates.change(client, Postgres.class, "pg-backup", "orders", r -> r.setSpec(spec(1, Map.of())));
        await().atMost(TIMEOUT)
                .until(() -> client.batch()
                                .v1()
                                .cronjobs()
                                .inNamespace("pg-backup")
                                .withName("orders-backups")
                                .get()
                        == null);
        assertThat(client.persistentVolumeClaims()
                        .inNamespace("pg-backup")
                        .withName("orders-backups")
                        .get())
                .as("backups kept")
                .isNotNull();
    }

    @Test
    void anAnnotatedCredentialGetsANewPasswordAndRollsThePodsThatReadItButTheSuperuserIsLeftAlone() {
        create("pg-rotate", "orders", spec(1, Map.of()));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                        .statefulSets()
                                        .inNamespace("pg-rotate")
                                        .withName("orders")
                                        .get()
                                != null
                        && client.apps()
                                .statefulSets()
                                .inNamespace("pg-rotate")
                                .withName("orders")
                                .get()
                                .getSpec()
                                .getTemplate()
                                .getMetadata()
                                .getAnnotations()
                                .containsKey(SecretChecksum.ANNOTATION));
        String checksum = client.apps()
                .statefulSets()
                .inNamespace("pg-rotate")
                .withName("orders")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(SecretChecksum.ANNOTATION);
        String monitoring = password(client.secrets()
                .inNamespace("pg-rotate")
                .withName("orders-monitoring")
                .get());
        String superuser = password(client.secrets()
                .inNamespace("pg-rotate")
                .withName("orders-superuser")
                .get());

        for (String name : List.of("orders-monitoring", "orders-superuser")) {
            Updates.change(
                    client,
                    Secret.class,
                    "pg-rotate",
                    name,
                    s -> s.getMetadata().getAnnotations().put(Rotation.ANNOTATION, "now"));
        }

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Secret rotated = client.secrets()
                    .inNamespace("pg-rotate")
                    .withName("orders-monitoring")
                    .get();
            assertThat(password(rotated)).isNotBlank().isNotEqualTo(monitoring);
            assertThat(rotated.getMetadata().getAnnotations()).doesNotContainKey(Rotation.ANNOTATION);
            assertThat(client.apps()
                            .statefulSets()
                            .inNamespace("pg-rotate")
                            .withName("orders")
                            .get()
                            .getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getAnnotations()
                            .get(SecretChecksum.ANNOTATION))
                    .isNotEqualTo(checksum);
        });
        Secret kept = client.secrets()
                .inNamespace("pg-rotate")
                .withName("orders-superuser")
                .get();
        assertThat(password(kept)).as("the operator logs in with it").isEqualTo(superuser);
        assertThat(kept.getMetadata().getAnnotations()).containsKey(Rotation.ANNOTATION);
    }

    @Test
    void moreStorageAsksTheDataClaimsForItAndNeverShrinksThem() {
        create("pg-grow", "orders", spec(1, Map.of()));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .statefulSets()
                                .inNamespace("pg-grow")
                                .withName("orders")
                                .get()
                        != null);
        // The mock server runs no StatefulSet controller: the claim it would make from the template.
        var template = client.apps()
                .statefulSets()
                .inNamespace("pg-grow")
                .withName("orders")
                .get()
                .getSpec()
                .getVolumeClaimTemplates()
                .get(0);
        client.persistentVolumeClaims()
                .inNamespace("pg-grow")
                .resource(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withName("data-orders-0")
                        .withNamespace("pg-grow")
                        .withLabels(template.getMetadata().getLabels())
                        .endMetadata()
                        .withSpec(template.getSpec())
                        .build())
                .create();

        Updates.change(
                client,
                Postgres.class,
                "pg-grow",
                "orders",
                r -> r.setSpec(new PostgresSpec(
                        "16",
                        1,
                        VolumeSpec.of("8Gi"),
                        List.of(new DatabaseSpec("shop_data", List.of())),
                        null,
                        Map.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(client.persistentVolumeClaims()
                                .inNamespace("pg-grow")
                                .withName("data-orders-0")
                                .get()
                                .getSpec()
                                .getResources()
                                .getRequests())
                        .containsEntry("storage", new Quantity("8Gi")));
        assertThat(client.apps()
                        .statefulSets()
                        .inNamespace("pg-grow")
                        .withName("orders")
                        .get()
                        .getSpec()
                        .getVolumeClaimTemplates()
                        .get(0)
                        .getSpec()
                        .getResources()
                        .getRequests())
                .as("the template is immutable and kept")
                .containsEntry("storage", new Quantity("5Gi"));
    }

    @Test
    void aVolumeThatDoesNotGrowWithinTheBoundMakesThePostgresDegradedSayingWhySinceWhenAndWhatToDo() {
        create("pg-stuck", "orders", spec(1, Map.of()));
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                .statefulSets()
                                .inNamespace("pg-stuck")
                                .withName("orders")
                                .get()
                        != null);
        claimFromTemplate("pg-stuck", "orders");
        Updates.change(client, Postgres.class, "pg-stuck", "orders", r -> r.setSpec(withStorage("8Gi")));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(
                                claim("pg-stuck", "data-orders-0").getMetadata().getAnnotations())
                        .containsKey(PostgresVolumes.EXPANSION_REQUESTED_AT));
        // The storage driver never grows the volume (played here: the claim keeps reporting its old capacity).
        var claim = claim("pg-stuck", "data-orders-0");
        claim.setStatus(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder()
                .withPhase("Bound")
                .addToCapacity("storage", new Quantity("5Gi"))
                .build());
        client.resource(claim).updateStatus();
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(condition(get("pg-stuck", "orders"), ConditionTypes.DEGRADED)
                                .status())
                        .as("within the bound the volume is growing, not stuck")
                        .isEqualTo(Condition.FALSE));

        // The claim was asked an hour ago, as after a restart of the operator.
        Updates.change(
                client,
                io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class,
                "pg-stuck",
                "data-orders-0",
                c -> c.getMetadata()
                        .getAnnotations()
                        .put(PostgresVolumes.EXPANSION_REQUESTED_AT, "2026-01-01T00:00:00Z"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition degraded = condition(get("pg-stuck", "orders"), ConditionTypes.DEGRADED);
            assertThat(degraded.status()).isEqualTo(Condition.TRUE);
            assertThat(degraded.reason()).isEqualTo(WaitStart.EXCEEDED);
            assertThat(degraded.message())
                    .contains(
                            "volume claim data-orders-0 was asked for 8Gi at 2026-01-01T00:00:00Z",
                            "has not grown within 30m",
                            "kubectl describe pvc data-orders-0");
        });
    }

    @Test
    void aServerWaitingForTheObjectStoreCredentialsSecretSaysWhichOneAndWhere() {
        client.resource(io.fabric8.kubernetes.client.utils.Serialization.unmarshal("""
                        apiVersion: atonix.io/v1beta1
                        kind: Postgres
                        metadata: { name: archived, namespace: pg-secret }
                        spec:
                          version: "16"
                          storage: { size: 1Gi }
                          backup:
                            schedule: "0 3 * * *"
                            objectStore: { endpoint: "https://s3.example.com", bucket: pg-archive, credentials: { secretName: s3 } }
                        """, Postgres.class))
                .create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Postgres pg = get("pg-secret", "archived");
            assertThat(condition(pg, ConditionTypes.READY).message())
                    .isEqualTo("Waiting for the PostgreSQL server to be ready: Secret s3"
                            + " (spec.backup.objectStore.credentials) does not exist");
            assertThat(condition(pg, ConditionTypes.DEGRADED).status())
                    .as("within the bound (atonix.waits.referenced-secret) it only waits")
                    .isEqualTo(Condition.FALSE);
        });
    }

    private void claimFromTemplate(String namespace, String postgres) {
        // The mock server runs no StatefulSet controller: the claim it would make from the template.
        var template = client.apps()
                .statefulSets()
                .inNamespace(namespace)
                .withName(postgres)
                .get()
                .getSpec()
                .getVolumeClaimTemplates()
                .get(0);
        client.persistentVolumeClaims()
                .inNamespace(namespace)
                .resource(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withName("data-" + postgres + "-0")
                        .withNamespace(namespace)
                        .withLabels(template.getMetadata().getLabels())
                        .endMetadata()
                        .withSpec(template.getSpec())
                        .build())
                .create();
    }

    private io.fabric8.kubernetes.api.model.PersistentVolumeClaim claim(String namespace, String name) {
        return client.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private static PostgresSpec withStorage(String size) {
        return new PostgresSpec(
                "16",
                1,
                VolumeSpec.of(size),
                List.of(new DatabaseSpec("shop_data", List.of())),
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The mock server keeps stringData as written; a real one turns it into data. */
    private static String password(Secret secret) {
        if (secret.getData() != null && secret.getData().get("password") != null) {
            return secret.getData().get("password");
        }
        return secret.getStringData() == null ? null : secret.getStringData().get("password");
    }

    private static PostgresSpec spec(int instances, Map<String, String> parameters) {
        return new PostgresSpec(
                "16",
                instances,
                VolumeSpec.of("5Gi"),
                List.of(new DatabaseSpec("shop_data", List.of())),
                null,
                parameters,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private void create(String namespace, String name, PostgresSpec spec) {
        Postgres pg = new Postgres();
        pg.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        pg.setSpec(spec);
        client.resource(pg).create();
    }

    private Postgres get(String namespace, String name) {
        return client.resources(Postgres.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private static Condition condition(Postgres pg, String type) {
        assertThat(pg.getStatus()).isNotNull();
        return Conditions.find(pg.getStatus().conditions(), type).orElseThrow();
    }
}
