package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.PostgresStatus;
import io.atonix.api.v1beta1.redis.RedisStatus;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.ReopenedData;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What {@link RetainAndReopenIT} does to its resources and asks of the cluster, with a wait for each. */
record Reopening(KubernetesClient admin, String namespace, Duration timeout) {

    <T extends CustomResource<?, ?>> void awaitReady(Class<T> type, String name) {
        await().atMost(timeout)
                .untilAsserted(() -> assertThat(condition(type, name, ConditionTypes.READY))
                        .as(name + " Ready")
                        .isTrue());
    }

    /**
     * Deletes the resource, waits until its pod is gone and the garbage collector has taken an object it owned, then
     * creates it again and waits until it is Ready and says it reused the retained data.
     */
    <T extends CustomResource<?, ?>> void deleteAndCreateAgain(Class<T> type, String name, Supplier<T> again) {
        String uid = admin.resources(type)
                .inNamespace(namespace)
                .withName(name)
                .get()
                .getMetadata()
                .getUid();
        deleteAndAwaitCollected(type, name, name);
        admin.resource(again.get()).create();
        awaitReady(type, name);
        assertThat(admin.resources(type)
                        .inNamespace(namespace)
                        .withName(name)
                        .get()
                        .getMetadata()
                        .getUid())
                .isNotEqualTo(uid);
        assertThat(condition(type, name, ReopenedData.CONDITION))
                .as("RetainedDataReused")
                .isTrue();
    }

    /** Deletes the resource and waits until its pod and {@code owned} (a StatefulSet or ConfigMap of it) are gone. */
    <T extends CustomResource<?, ?>> void deleteAndAwaitCollected(Class<T> type, String name, String owned) {
        admin.resources(type).inNamespace(namespace).withName(name).delete();
        await().atMost(timeout).untilAsserted(() -> {
            assertThat(admin.resources(type)
                            .inNamespace(namespace)
                            .withName(name)
                            .get())
                    .isNull();
            assertThat(admin.pods().inNamespace(namespace).withName(name + "-0").get())
                    .isNull();
            assertThat(admin.apps()
                            .statefulSets()
                            .inNamespace(namespace)
                            .withName(owned)
                            .get())
                    .isNull();
            assertThat(admin.configMaps().inNamespace(namespace).withName(owned).get())
                    .isNull();
        });
    }

    /** The claim is still there, and its volume has reclaim policy Retain. */
    void assertVolumeRetained(String claim) {
        PersistentVolumeClaim kept = admin.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName(claim)
                .get();
        assertThat(kept).as(claim).isNotNull();
        assertThat(kept.getMetadata().getDeletionTimestamp())
                .as("deletion of " + claim)
                .isNull();
        await().atMost(timeout)
                .untilAsserted(() -> assertThat(admin.persistentVolumes()
                                .withName(volume(claim))
                                .get()
                                .getSpec()
                                .getPersistentVolumeReclaimPolicy())
                        .as("reclaim policy of the volume of " + claim)
                        .isEqualTo("Retain"));
    }

    String volume(String claim) {
        return admin.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName(claim)
                .get()
                .getSpec()
                .getVolumeName();
    }

    String podIp(String pod) {
        return admin.pods()
                .inNamespace(namespace)
                .withName(pod)
                .get()
                .getStatus()
                .getPodIP();
    }

    /** Runs the Postgres' backup CronJob now, as kubectl create job --from would; the name of the dump it wrote. */
    String runBackupNow(String postgres) throws IOException {
        CronJob cronJob = await().atMost(timeout)
                .until(
                        () -> admin.batch()
                                .v1()
                                .cronjobs()
                                .inNamespace(namespace)
                                .withName(postgres + "-backups")
                                .get(),
                        c -> c != null);
        admin.resource(new JobBuilder()
                        .withNewMetadata()
                        .withName(postgres + "-backups-now")
                        .withNamespace(namespace)
                        .endMetadata()
                        .withSpec(cronJob.getSpec().getJobTemplate().getSpec())
                        .build())
                .create();
        await().atMost(timeout)
                .untilAsserted(() -> assertThat(admin.batch()
                                .v1()
                                .jobs()
                                .inNamespace(namespace)
                                .withName(postgres + "-backups-now")
                                .get()
                                .getStatus()
                                .getSucceeded())
                        .isEqualTo(1));
        Path directory = DataPlane.volumeDirectory(volume(postgres + "-backups"));
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".dump"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no dump in " + directory));
        }
    }

    /** The volumes whose claims were in the namespace: retained, they outlive it, so the test deletes them. */
    void deleteVolumesOfRemovedNamespace() {
        for (PersistentVolume volume : admin.persistentVolumes().list().getItems()) {
            var claim = volume.getSpec().getClaimRef();
            if (claim != null && namespace.equals(claim.getNamespace())) {
                admin.resource(volume).delete();
            }
        }
    }

    private <T extends CustomResource<?, ?>> boolean condition(Class<T> type, String name, String condition) {
        T current = admin.resources(type).inNamespace(namespace).withName(name).get();
        return current != null
                && Conditions.find(conditions(current.getStatus()), condition)
                        .map(c -> c.holds())
                        .orElse(false);
    }

    private static List<Condition> conditions(Object status) {
        if (status instanceof PostgresStatus postgres) {
            return postgres.conditions();
        }
        return status instanceof RedisStatus redis ? redis.conditions() : List.of();
    }
}
