package io.atonix.operator.dataplane;

import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.BackupSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresSpec;
import io.atonix.operator.postgres.PostgresBackups;
import io.atonix.operator.postgres.PostgresConfig;
import io.atonix.operator.postgres.PostgresStatefulSets;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containers the operator's own builders give a Postgres (its StatefulSet's postgres container, its backup
 * CronJob's pg-dump container), as the agent would hand them to an {@link ImageRuntime}: the test follows whatever
 * env, args, command, probes and mounts the operator writes.
 */
final class OperatorPostgresPods {
    private OperatorPostgresPods() {}

    /** A Postgres of {@code major} with a database shop and backups, as a user would write it. */
    static Postgres postgres(int major) {
        Postgres postgres = new Postgres();
        postgres.setMetadata(new ObjectMetaBuilder()
                .withName("shop-postgres")
                .withNamespace("shop")
                .withUid("uid-pg")
                .build());
        postgres.setSpec(new PostgresSpec(
                String.valueOf(major),
                1,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", null)),
                null,
                null,
                null,
                new BackupSpec("0 3 * * *", 2, VolumeSpec.of("1Gi")),
                null,
                null,
                null));
        return postgres;
    }

    /** The StatefulSet's postgres container, its data claim bound to {@code data}. */
    static ContainerRun server(Postgres postgres, Secret superuser, PodPlace place, Path data) {
        PodSpec pod = PostgresStatefulSets.desired(postgres, Optional.empty())
                .getSpec()
                .getTemplate()
                .getSpec();
        Container container = container(pod, "postgres");
        ConfigMap config = PostgresConfig.desired(postgres);
        return place.run(
                container,
                PodVolumes.materialise(
                        pod,
                        container,
                        Map.of("data", data),
                        Map.of(config.getMetadata().getName(), config),
                        place.directory()),
                Map.of(superuser.getMetadata().getName(), superuser));
    }

    /** The exec command of the postgres container's readiness probe. */
    static List<String> readinessProbe(Postgres postgres) {
        PodSpec pod = PostgresStatefulSets.desired(postgres, Optional.empty())
                .getSpec()
                .getTemplate()
                .getSpec();
        return container(pod, "postgres").getReadinessProbe().getExec().getCommand();
    }

    /** The backup CronJob's container, its backup claim bound to {@code backups}. */
    static ContainerRun backupJob(Postgres postgres, Secret superuser, PodPlace place, Path backups) {
        PodSpec pod = PostgresBackups.cronJob(postgres)
                .orElseThrow()
                .getSpec()
                .getJobTemplate()
                .getSpec()
                .getTemplate()
                .getSpec();
        Container container = pod.getContainers().get(0);
        return place.run(
                container,
                PodVolumes.materialise(
                        pod,
                        container,
                        Map.of(container.getVolumeMounts().get(0).getName(), backups),
                        Map.of(),
                        place.directory()),
                Map.of(superuser.getMetadata().getName(), superuser));
    }

    private static Container container(PodSpec pod, String name) {
        return pod.getContainers().stream()
                .filter(container -> container.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
