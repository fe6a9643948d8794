package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.binding.BasicAuth;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.PodSecurity;
import io.atonix.operator.common.Quantities;
import io.atonix.operator.common.SecretChecksum;
import io.atonix.operator.common.SecretEnv;
import io.atonix.operator.tls.TlsPodParts;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The StatefulSet that runs a Postgres: the official postgres image as its non-root user, the data on a volume
 * claim that outlives the StatefulSet unless the deletion policy says Delete, and postgres_exporter beside it.
 */
public final class PostgresStatefulSets {
    /** The uid and gid of the postgres user in the official image. */
    public static final long POSTGRES_USER = 999;

    public static final String EXPORTER_IMAGE = "quay.io/prometheuscommunity/postgres-exporter:v0.17.1";
    public static final int EXPORTER_PORT = 9187;
    public static final String CONFIG_HASH = "atonix.io/config-hash";
    static final String DATA_VOLUME = "data";

    private PostgresStatefulSets() {}

    /**
     * @param credentialsChecksum of the monitoring Secret the exporter reads at start, so that rotating it restarts
     *        the exporter (and with it the pod); empty until the Secret exists
     */
    public static StatefulSet desired(Postgres postgres, Optional<String> credentialsChecksum) {
        String name = postgres.getMetadata().getName();
        var metadata = PostgresObjects.metadata(postgres, name);
        String retention = postgres.getSpec().deletionPolicy() == DeletionPolicy.Delete ? "Delete" : "Retain";
        // The config's hash in the pod template: a changed postgresql.conf rolls the pod.
        String configHash = DesiredHash.get(PostgresConfig.desired(postgres));
        return PostgresObjects.finish(new StatefulSetBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withReplicas(1)
                .withServiceName(Names.postgresHeadless(name))
                .withNewSelector()
                .withMatchLabels(PostgresObjects.selector(postgres))
                .endSelector()
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted(retention)
                .withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(metadata.getLabels())
                .withAnnotations(podAnnotations(configHash, credentialsChecksum))
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(PodSecurity.restrictedPod(POSTGRES_USER, POSTGRES_USER))
                .withInitContainers(RecoveryPodParts.initContainers(postgres))
                .withContainers(postgresContainer(postgres), exporterContainer(postgres))
                .addNewVolume()
                .withName("config")
                .withNewConfigMap()
                .withName(Names.postgresConfig(name))
                .endConfigMap()
                .endVolume()
                .addNewVolume()
                .withName("run")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .addNewVolume()
                .withName("tmp")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .addAllToVolumes(
                        TlsPodParts.volumes(postgres.getSpec().tlsRequired(), PostgresTls.secretName(postgres)))
                .addAllToVolumes(ArchivePodParts.volumes(postgres))
                .addAllToVolumes(RecoveryPodParts.volumes(postgres))
                .endSpec()
                .endTemplate()
                .addNewVolumeClaimTemplate()
                .withNewMetadata()
                .withName(DATA_VOLUME)
                .withLabels(metadata.getLabels())
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(postgres.getSpec().storage().storageClassName())
                .withNewResources()
                .addToRequests(
                        "storage",
                        Quantities.canonical(postgres.getSpec().storage().size()))
                .endResources()
                .endSpec()
                .endVolumeClaimTemplate()
                .endSpec()
                .build());
    }

    /**
     * The checksum of the Secrets the pod reads at start and the operator may rotate: the monitoring login, and the
     * certificates when the server requires TLS.
     */
    public static Optional<String> credentialsChecksum(Postgres postgres, Map<String, Secret> secretsByName) {
        List<Secret> read = new ArrayList<>();
        Secret monitoring = secretsByName.get(
                Names.postgresMonitoringSecret(postgres.getMetadata().getName()));
        if (monitoring != null) {
            read.add(monitoring);
        }
        PostgresTls.stored(postgres, secretsByName).ifPresent(read::add);
        return SecretChecksum.of(read);
    }

    private static Map<String, String> podAnnotations(String configHash, Optional<String> credentialsChecksum) {
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(CONFIG_HASH, configHash);
        credentialsChecksum.ifPresent(checksum -> annotations.put(SecretChecksum.ANNOTATION, checksum));
        return annotations;
    }

    private static Container postgresContainer(Postgres postgres) {
        String name = postgres.getMetadata().getName();
        return new ContainerBuilder()
                .withName("postgres")
                .withImage(BarmanImage.serverImage(postgres))
                .withArgs("-c", "config_file=" + PostgresConfig.MOUNT + "/" + PostgresConfig.FILE)
                .withEnv(
                        new EnvVarBuilder()
                                .withName("PGDATA")
                                .withValue(PostgresConfig.PGDATA)
                                .build(),
                        new EnvVarBuilder()
                                .withName("POSTGRES_USER")
                                .withValue("postgres")
                                .build(),
                        SecretEnv.of("POSTGRES_PASSWORD", Names.postgresSuperuserSecret(name), BasicAuth.PASSWORD))
                .addAllToEnv(ArchivePodParts.env(postgres))
                .addNewPort()
                .withName("postgres")
                .withContainerPort(PostgresConfig.PORT)
                .withProtocol("TCP")
                .endPort()
                .withStartupProbe(ready(5, 60))
                .withReadinessProbe(ready(10, 3))
                .withLivenessProbe(ready(20, 6))
                .withResources(PostgresContainerResources.of(postgres.getSpec().resources(), "250m", "512Mi", "1Gi"))
                .addNewVolumeMount()
                .withName(DATA_VOLUME)
                .withMountPath(PostgresConfig.DATA_MOUNT)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("config")
                .withMountPath(PostgresConfig.MOUNT)
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("run")
                .withMountPath("/var/run/postgresql")
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("tmp")
                .withMountPath("/tmp")
                .endVolumeMount()
                .addAllToVolumeMounts(TlsPodParts.mounts(postgres.getSpec().tlsRequired()))
                .addAllToVolumeMounts(ArchivePodParts.mounts(postgres))
                .withSecurityContext(PodSecurity.restrictedContainer())
                .build();
    }

    private static Container exporterContainer(Postgres postgres) {
        String name = postgres.getMetadata().getName();
        return new ContainerBuilder()
                .withName("exporter")
                .withImage(EXPORTER_IMAGE)
                .withEnv(
                        new EnvVarBuilder()
                                .withName("DATA_SOURCE_URI")
                                .withValue("127.0.0.1:" + PostgresConfig.PORT + "/postgres?sslmode="
                                        + PostgresTls.exporterSslMode(postgres))
                                .build(),
                        SecretEnv.of("DATA_SOURCE_USER", Names.postgresMonitoringSecret(name), BasicAuth.USERNAME),
                        SecretEnv.of("DATA_SOURCE_PASS", Names.postgresMonitoringSecret(name), BasicAuth.PASSWORD))
                .addNewPort()
                .withName("metrics")
                .withContainerPort(EXPORTER_PORT)
                .withProtocol("TCP")
                .endPort()
                // Liveness, not readiness: a pod is Ready only when every container is, and an exporter slow to query a
                // busy server must never take the server out of its Services. Its landing page asks nothing of the
                // server.
                .withLivenessProbe(new ProbeBuilder()
                        .withNewHttpGet()
                        .withPath("/")
                        .withNewPort(EXPORTER_PORT)
                        .endHttpGet()
                        .withPeriodSeconds(30)
                        .withTimeoutSeconds(5)
                        .build())
                .withResources(PostgresContainerResources.of(null, "20m", "32Mi", "128Mi"))
                .withSecurityContext(PodSecurity.restrictedContainer())
                .build();
    }

    /** pg_isready over TCP: true once the server accepts connections, without credentials. */
    private static Probe ready(int period, int failures) {
        return new ProbeBuilder()
                .withNewExec()
                .withCommand(List.of(
                        "pg_isready", "-U", "postgres", "-h", "127.0.0.1", "-p", String.valueOf(PostgresConfig.PORT)))
                .endExec()
                .withPeriodSeconds(period)
                .withTimeoutSeconds(5)
                .withFailureThreshold(failures)
                .build();
    }
}
