package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Optional;

/** What the postgres container of a Postgres that archives to an object store adds: the store's access. */
final class ArchivePodParts {
    static final String USE = "archive";

    private ArchivePodParts() {}

    static Optional<ObjectStoreAccess> access(Postgres postgres) {
        var backup = postgres.getSpec().backup();
        return backup == null || backup.objectStore() == null
                ? Optional.empty()
                : Optional.of(new ObjectStoreAccess(backup.objectStore(), USE));
    }

    static List<EnvVar> env(Postgres postgres) {
        return access(postgres).map(ObjectStoreAccess::env).orElse(List.of());
    }

    static List<VolumeMount> mounts(Postgres postgres) {
        return access(postgres).flatMap(ObjectStoreAccess::caMount).stream().toList();
    }

    static List<Volume> volumes(Postgres postgres) {
        return access(postgres).flatMap(ObjectStoreAccess::caVolume).stream().toList();
    }
}
