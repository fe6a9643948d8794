package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresStatus;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads what {@link ArchiveStatus} reports, for a Postgres that archives or was recovered: the archiver's statistics
 * over JDBC, and the termination messages of its pods (one list call, by the Postgres' label). An archiving server is
 * looked at again every {@link #RECHECK}, since a failing archive_command changes no Kubernetes object.
 */
final class ArchiveObservation {
    static final Duration RECHECK = Duration.ofMinutes(1);

    private ArchiveObservation() {}

    static boolean applies(Postgres postgres) {
        return ArchiveSettings.archives(postgres) || postgres.getSpec().bootstrap() != null;
    }

    static PostgresStatus observe(Postgres postgres, Context<Postgres> context, PostgresStatus status, boolean ready) {
        String name = postgres.getMetadata().getName();
        List<Pod> pods = context.getClient()
                .pods()
                .inNamespace(postgres.getMetadata().getNamespace())
                .withLabel(Labels.POSTGRES, name)
                .list()
                .getItems();
        Optional<ArchiverStats> stats = Optional.empty();
        if (ready && ArchiveSettings.archives(postgres)) {
            Secret superuser = context.getSecondaryResourcesAsStream(Secret.class)
                    .filter(s -> s.getMetadata().getName().equals(Names.postgresSuperuserSecret(name)))
                    .findFirst()
                    .orElse(null);
            stats = PostgresProvisioning.password(superuser)
                    .flatMap(password ->
                            ArchiverStats.read(PostgresSecrets.host(postgres), PostgresConfig.PORT, password));
        }
        return ArchiveStatus.with(status, postgres, stats, pods, Instant.now());
    }
}
