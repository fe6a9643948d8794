package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.binding.BasicAuth;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.PodSecurity;
import io.atonix.operator.common.SecretEnv;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Optional;

/**
 * What a Postgres bootstrapped by recovery adds to its pod: the init container "recover" ({@link RecoveryScript}), with
 * the volumes of the postgres container, the server's own archive access (AWS_*, for the WAL of the new timeline)
 * and the source's ({@value #ENV_PREFIX}AWS_*).
 */
final class RecoveryPodParts {
    static final String ENV_PREFIX = "RECOVERY_";
    static final String CONTAINER = "recover";

    private RecoveryPodParts() {}

    static Optional<ObjectStoreAccess> access(Postgres postgres) {
        var bootstrap = postgres.getSpec().bootstrap();
        return bootstrap == null
                ? Optional.empty()
                : Optional.of(new ObjectStoreAccess(bootstrap.recovery().objectStore(), "recovery", ENV_PREFIX));
    }

    static List<Container> initContainers(Postgres postgres) {
        return access(postgres)
                .map(source -> List.of(container(postgres, source)))
                .orElse(List.of());
    }

    static List<Volume> volumes(Postgres postgres) {
        return access(postgres).flatMap(ObjectStoreAccess::caVolume).stream().toList();
    }

    private static Container container(Postgres postgres, ObjectStoreAccess source) {
        String name = postgres.getMetadata().getName();
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(BarmanImage.serverImage(postgres))
                .withCommand("/bin/sh", "-c", RecoveryScript.of(postgres))
                .addToEnv(new EnvVarBuilder()
                        .withName("PGDATA")
                        .withValue(PostgresConfig.PGDATA)
                        .build())
                .addToEnv(SecretEnv.of("POSTGRES_PASSWORD", Names.postgresSuperuserSecret(name), BasicAuth.PASSWORD))
                .addAllToEnv(ArchivePodParts.env(postgres))
                .addAllToEnv(source.env())
                .addNewVolumeMount()
                .withName(PostgresStatefulSets.DATA_VOLUME)
                .withMountPath(PostgresConfig.DATA_MOUNT)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("config")
                .withMountPath(PostgresConfig.MOUNT)
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("run")
                .withMountPath(RecoveryScript.SOCKET)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("tmp")
                .withMountPath("/tmp")
                .endVolumeMount()
                .addAllToVolumeMounts(ArchivePodParts.mounts(postgres))
                .addAllToVolumeMounts(source.caMount().stream().toList())
                .withSecurityContext(PodSecurity.restrictedContainer())
                .build();
    }
}
