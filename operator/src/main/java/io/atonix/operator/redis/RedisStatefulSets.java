package io.atonix.operator.redis;

import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisPersistence;
import io.atonix.operator.binding.BasicAuth;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.PodSecurity;
import io.atonix.operator.common.Quantities;
import io.atonix.operator.common.SecretEnv;
import io.atonix.operator.tls.ServerCertificate;
import io.atonix.operator.tls.TlsPodParts;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpecBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The StatefulSet that runs a Redis: the official redis image as its non-root user, redis.conf and the ACL file
 * mounted together, the data on a volume claim when persistence is on (kept after the Redis is deleted unless its
 * deletion policy says Delete), and redis_exporter beside it.
 */
public final class RedisStatefulSets {
    /** The uid and gid of the redis user in the official image. */
    public static final long REDIS_USER = 999;

    public static final String EXPORTER_IMAGE = "oliver006/redis_exporter:v1.67.0";
    public static final int EXPORTER_PORT = 9121;
    public static final String CONFIG_HASH = "atonix.io/config-hash";
    public static final String ACL_HASH = "atonix.io/acl-hash";
    static final String DATA_VOLUME = "data";
    static final String CONFIG_VOLUME = "config";
    /** Owner and group may read: the files hold password hashes, and the pod's group (fsGroup) is the redis user's. */
    static final int CONFIG_MODE = 0440;

    static final Quantity DEFAULT_STORAGE = new Quantity("1Gi");

    private RedisStatefulSets() {}

    /** @param passwords each ACL user's password (see {@link RedisSecrets#passwords}): the ACL file's hash rolls the pod */
    public static StatefulSet desired(Redis redis, Map<String, String> passwords) {
        return desired(redis, passwords, Optional.empty());
    }

    /**
     * @param tlsChecksum of the TLS Secret, when Redis requires TLS and the Secret exists: Redis reads its certificates
     *        at start, so new ones (a rotation) roll the pod
     */
    public static StatefulSet desired(Redis redis, Map<String, String> passwords, Optional<String> tlsChecksum) {
        String name = redis.getMetadata().getName();
        var metadata = RedisObjects.metadata(redis, name);
        String retention = redis.getSpec().deletionPolicy() == DeletionPolicy.Delete ? "Delete" : "Retain";
        // The hashes in the pod template: a changed redis.conf or ACL file rolls the pod, which reads both only at
        // start.
        String configHash = DesiredHash.get(RedisConfig.desired(redis));
        String aclHash = DesiredHash.get(RedisAcl.desired(redis, passwords));
        StatefulSetSpecBuilder spec = new StatefulSetSpecBuilder()
                .withReplicas(1)
                .withServiceName(name)
                .withNewSelector()
                .withMatchLabels(RedisObjects.selector(redis))
                .endSelector()
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted(retention)
                .withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(metadata.getLabels())
                .addToAnnotations(CONFIG_HASH, configHash)
                .addToAnnotations(ACL_HASH, aclHash)
                .addToAnnotations(RedisTls.podAnnotations(redis, tlsChecksum))
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(PodSecurity.restrictedPod(REDIS_USER, REDIS_USER))
                .withContainers(redisContainer(redis), exporterContainer(redis))
                .addNewVolume()
                .withName(CONFIG_VOLUME)
                .withNewProjected()
                .withDefaultMode(CONFIG_MODE)
                .addNewSource()
                .withNewConfigMap()
                .withName(Names.redisConfig(name))
                .endConfigMap()
                .endSource()
                .addNewSource()
                .withNewSecret()
                .withName(Names.redisAcl(name))
                .endSecret()
                .endSource()
                .endProjected()
                .endVolume()
                .addAllToVolumes(TlsPodParts.volumes(redis.getSpec().tlsRequired(), RedisTls.secretName(redis)))
                .endSpec()
                .endTemplate();
        if (redis.getSpec().persistent()) {
            RedisPersistence persistence = redis.getSpec().persistence();
            VolumeSpec volume = persistence == null || persistence.storage() == null
                    ? new VolumeSpec(DEFAULT_STORAGE, null)
                    : persistence.storage();
            spec.addNewVolumeClaimTemplate()
                    .withNewMetadata()
                    .withName(DATA_VOLUME)
                    .withLabels(metadata.getLabels())
                    .endMetadata()
                    .withNewSpec()
                    .withAccessModes("ReadWriteOnce")
                    .withStorageClassName(volume.storageClassName())
                    .withNewResources()
                    .addToRequests("storage", Quantities.canonical(volume.size()))
                    .endResources()
                    .endSpec()
                    .endVolumeClaimTemplate();
        } else {
            spec.editTemplate()
                    .editSpec()
                    .addNewVolume()
                    .withName(DATA_VOLUME)
                    .withNewEmptyDir()
                    .endEmptyDir()
                    .endVolume()
                    .endSpec()
                    .endTemplate();
        }
        return RedisObjects.finish(new StatefulSetBuilder()
                .withMetadata(metadata)
                .withSpec(spec.build())
                .build());
    }

    private static Container redisContainer(Redis redis) {
        String name = redis.getMetadata().getName();
        return new ContainerBuilder()
                .withName("redis")
                .withImage("redis:" + redis.getSpec().version())
                .withCommand("redis-server")
                .withArgs(RedisConfig.MOUNT + "/" + RedisConfig.FILE)
                // The probes log in as the exporter's user; redis-cli reads the password from here, not from its
                // arguments.
                .withEnv(SecretEnv.of("REDISCLI_AUTH", Names.redisMonitoringSecret(name), BasicAuth.PASSWORD))
                .addNewPort()
                .withName("redis")
                .withContainerPort(RedisConfig.PORT)
                .withProtocol("TCP")
                .endPort()
                .withStartupProbe(ping(redis, 5, 60))
                .withReadinessProbe(ping(redis, 10, 3))
                .withLivenessProbe(ping(redis, 20, 6))
                .withResources(RedisMemory.resources(redis))
                .addNewVolumeMount()
                .withName(DATA_VOLUME)
                .withMountPath(RedisConfig.DATA_MOUNT)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName(CONFIG_VOLUME)
                .withMountPath(RedisConfig.MOUNT)
                .withReadOnly(true)
                .endVolumeMount()
                .addAllToVolumeMounts(TlsPodParts.mounts(redis.getSpec().tlsRequired()))
                .withSecurityContext(PodSecurity.restrictedContainer())
                .build();
    }

    private static Container exporterContainer(Redis redis) {
        String name = redis.getMetadata().getName();
        return new ContainerBuilder()
                .withName("exporter")
                .withImage(EXPORTER_IMAGE)
                .withEnv(
                        new EnvVarBuilder()
                                .withName("REDIS_ADDR")
                                .withValue((redis.getSpec().tlsRequired() ? "rediss" : "redis") + "://127.0.0.1:"
                                        + RedisConfig.PORT)
                                .build(),
                        SecretEnv.of("REDIS_USER", Names.redisMonitoringSecret(name), BasicAuth.USERNAME),
                        SecretEnv.of("REDIS_PASSWORD", Names.redisMonitoringSecret(name), BasicAuth.PASSWORD))
                .addAllToEnv(RedisTls.exporterEnv(redis))
                .addNewPort()
                .withName("metrics")
                .withContainerPort(EXPORTER_PORT)
                .withProtocol("TCP")
                .endPort()
                // Liveness, not readiness: a pod is Ready only when every container is, and the exporter must never
                // take
                // the server out of its Service.
                .withLivenessProbe(new ProbeBuilder()
                        .withNewHttpGet()
                        .withPath("/health")
                        .withPort(new IntOrString(EXPORTER_PORT))
                        .endHttpGet()
                        .withPeriodSeconds(30)
                        .withTimeoutSeconds(5)
                        .build())
                .withResources(new ResourceRequirementsBuilder()
                        .addToRequests("cpu", new Quantity("10m"))
                        .addToRequests("memory", new Quantity("32Mi"))
                        .addToLimits("memory", new Quantity("64Mi"))
                        .build())
                .withSecurityContext(PodSecurity.restrictedContainer())
                .build();
    }

    /**
     * An authenticated PING that must answer PONG: proves that Redis serves commands and loaded its ACL file, which a TCP
     * check cannot tell.
     */
    private static Probe ping(Redis redis, int period, int failures) {
        // With TLS, redis-cli checks the server's certificate against the CA (hiredis checks no host name).
        String tls =
                redis.getSpec().tlsRequired() ? " --tls --cacert " + TlsPodParts.file(ServerCertificate.CA_CRT) : "";
        String ping = "[ \"$(redis-cli -h 127.0.0.1 -p " + RedisConfig.PORT + tls + " --user " + RedisAcl.MONITOR
                + " ping)\" = PONG ]";
        return new ProbeBuilder()
                .withNewExec()
                .withCommand(List.of("sh", "-c", ping))
                .endExec()
                .withPeriodSeconds(period)
                .withTimeoutSeconds(5)
                .withFailureThreshold(failures)
                .build();
    }
}
