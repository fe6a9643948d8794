package io.atonix.operator.redis;

import static io.atonix.operator.redis.RedisFixtures.redis;
import static io.atonix.operator.redis.RedisFixtures.spec;
import static io.atonix.operator.redis.RedisFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.common.ResourceAmounts;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.redis.EvictionPolicy;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisPersistence;
import io.atonix.api.v1beta1.redis.RedisPersistenceMode;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field of a Redis spec reaches the object it belongs in. */
class RedisBuildersTest {
    private static final Map<String, String> PASSWORDS =
            Map.of(RedisAcl.ADMIN, "admin-pw", RedisAcl.MONITOR, "monitor-pw", "api", "api-pw", "report", "report-pw");

    private static Redis full() {
        return redis(spec(
                "7.2.4",
                "256Mi",
                EvictionPolicy.VolatileTTL,
                new RedisPersistence(RedisPersistenceMode.AppendOnly, new VolumeSpec(new Quantity("2048Mi"), "fast")),
                List.of(user("api", null, null), user("report", Access.ReadOnly, "api:")),
                new ComputeResources(new ResourceAmounts(new Quantity("0.25"), null), null),
                DeletionPolicy.Delete));
    }

    @Test
    void theStatefulSetRunsTheVersionWithConfigAclAndARetainedVolume() {
        StatefulSet sts = RedisStatefulSets.desired(redis(spec("7.2", "256Mi", List.of())), PASSWORDS);
        assertThat(sts.getMetadata().getName()).isEqualTo("shop-redis");
        assertThat(sts.getMetadata().getLabels())
                .containsEntry(Labels.PART_OF, "shop")
                .containsEntry(Labels.REDIS, "shop-redis")
                .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
                .doesNotContainKey("app.kubernetes.io/instance");
        assertThat(sts.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("Redis"));
        assertThat(sts.getSpec().getServiceName()).isEqualTo("shop-redis");
        assertThat(sts.getSpec().getSelector().getMatchLabels()).containsExactly(Map.entry(Labels.REDIS, "shop-redis"));
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Retain");
        var claim = sts.getSpec().getVolumeClaimTemplates().get(0);
        assertThat(claim.getMetadata().getName()).isEqualTo("data");
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("1Gi"));
        var pod = sts.getSpec().getTemplate().getSpec();
        Container redis = pod.getContainers().get(0);
        assertThat(redis.getImage()).isEqualTo("redis:7.2");
        assertThat(redis.getCommand()).containsExactly("redis-server");
        assertThat(redis.getArgs()).containsExactly("/etc/redis/redis.conf");
        assertThat(redis.getPorts())
                .extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactly("redis:6379");
        assertThat(redis.getVolumeMounts())
                .extracting(m -> m.getName() + ":" + m.getMountPath())
                .containsExactly("data:/data", "config:/etc/redis");
        assertThat(redis.getReadinessProbe().getExec().getCommand())
                .containsExactly(
                        "sh", "-c", "[ \"$(redis-cli -h 127.0.0.1 -p 6379 --user atonix_monitor ping)\" = PONG ]");
        assertThat(redis.getEnv()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("REDISCLI_AUTH");
            assertThat(e.getValue()).isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("shop-redis-monitoring");
        });
        var config = pod.getVolumes().get(0).getProjected();
        assertThat(config.getDefaultMode()).isEqualTo(0440);
        assertThat(config.getSources())
                .extracting(s -> s.getConfigMap() != null
                        ? "cm:" + s.getConfigMap().getName()
                        : "secret:" + s.getSecret().getName())
                .containsExactly("cm:shop-redis-config", "secret:shop-redis-acl");
        Container exporter = pod.getContainers().get(1);
        assertThat(exporter.getImage())
                .isEqualTo(RedisStatefulSets.EXPORTER_IMAGE)
                .startsWith("oliver006/redis_exporter:v");
        assertThat(exporter.getPorts())
                .extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactly("metrics:9121");
        assertThat(exporter.getEnv())
                .extracting(e -> e.getName())
                .containsExactly("REDIS_ADDR", "REDIS_USER", "REDIS_PASSWORD");
        assertThat(exporter.getEnv().get(2).getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("shop-redis-monitoring");
    }

    @Test
    void everySpecFieldReachesItsObject() {
        Redis redis = full();
        StatefulSet sts = RedisStatefulSets.desired(redis, PASSWORDS);
        assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Delete");
        var claim = sts.getSpec().getVolumeClaimTemplates().get(0);
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("2Gi"));
        assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast");
        Container container =
                sts.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("redis:7.2.4");
        assertThat(container.getResources().getRequests())
                .containsEntry("cpu", new Quantity("250m"))
                .containsEntry("memory", new Quantity("384Mi"));
        assertThat(container.getResources().getLimits())
                .containsEntry("memory", new Quantity("384Mi"))
                .doesNotContainKey("cpu");
        String config = RedisConfig.file(redis);
        assertThat(config)
                .contains(
                        "maxmemory 268435456\n",
                        "maxmemory-policy volatile-ttl\n",
                        "appendonly yes\n",
                        "save \"\"\n",
                        "aclfile /etc/redis/users.acl\n",
                        "dir /data\n",
                        "port 6379\n");
        String acl = RedisAcl.file(redis, PASSWORDS);
        assertThat(acl)
                .contains("user api on #" + RedisAcl.sha256("api-pw") + " resetkeys resetchannels ~api:* "
                        + RedisAcl.READ_WRITE)
                .contains("user report on #" + RedisAcl.sha256("report-pw") + " resetkeys resetchannels ~api:* "
                        + RedisAcl.READ_ONLY);
        assertThat(RedisStatusBuilder.binding(redis))
                .as("no spec.binding: no binding, never the administrator's")
                .isNull();
    }

    @Test
    void withoutPersistenceTheDataIsAnEmptyDirAndNothingIsWrittenToDisk() {
        Redis cache = redis(spec(
                "7.2", "64Mi", null, new RedisPersistence(RedisPersistenceMode.None, null), List.of(), null, null));
        StatefulSet sts = RedisStatefulSets.desired(cache, PASSWORDS);
        assertThat(sts.getSpec().getVolumeClaimTemplates()).isEmpty();
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getName().equals("data"))
                .singleElement()
                .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        assertThat(RedisConfig.file(cache))
                .contains("appendonly no\n", "save \"\"\n", "maxmemory-policy allkeys-lru\n")
                .doesNotContain("appendfsync");
    }

    @Test
    void theMemoryLimitStaysAboveMaxmemory() {
        assertThat(RedisMemory.defaultMemory(redis(spec("7", "64Mi", List.of()))))
                .isEqualTo(new Quantity("128Mi"));
        assertThat(RedisMemory.defaultMemory(redis(spec("7", "1Gi", List.of()))))
                .isEqualTo(new Quantity("1536Mi"));
        Redis limited = redis(spec(
                "7",
                "1Gi",
                null,
                null,
                List.of(),
                new ComputeResources(
                        new ResourceAmounts(null, new Quantity("1Gi")),
                        new ResourceAmounts(new Quantity("2"), new Quantity("3Gi"))),
                null));
        var resources = RedisMemory.resources(limited);
        assertThat(resources.getRequests())
                .containsEntry("memory", new Quantity("1Gi"))
                .containsEntry("cpu", new Quantity("100m"));
        assertThat(resources.getLimits())
                .containsEntry("memory", new Quantity("3Gi"))
                .containsEntry("cpu", new Quantity("2"));
    }

    @Test
    void aChangedConfigOrUserOrPasswordRollsThePod() {
        Redis redis = redis(spec("7.2", "256Mi", List.of(user("api", null, null))));
        StatefulSet before = RedisStatefulSets.desired(redis, PASSWORDS);
        StatefulSet sameAgain =
                RedisStatefulSets.desired(redis(spec("7.2", "256Mi", List.of(user("api", null, null)))), PASSWORDS);
        assertThat(sameAgain).isEqualTo(before);
        StatefulSet moreMemory =
                RedisStatefulSets.desired(redis(spec("7.2", "512Mi", List.of(user("api", null, null)))), PASSWORDS);
        assertThat(hash(moreMemory, RedisStatefulSets.CONFIG_HASH))
                .isNotEqualTo(hash(before, RedisStatefulSets.CONFIG_HASH))
                .isEqualTo(DesiredHash.get(RedisConfig.desired(redis(spec("7.2", "512Mi", List.of())))));
        StatefulSet readOnly = RedisStatefulSets.desired(
                redis(spec("7.2", "256Mi", List.of(user("api", Access.ReadOnly, null)))), PASSWORDS);
        assertThat(hash(readOnly, RedisStatefulSets.ACL_HASH)).isNotEqualTo(hash(before, RedisStatefulSets.ACL_HASH));
        assertThat(hash(readOnly, RedisStatefulSets.CONFIG_HASH))
                .isEqualTo(hash(before, RedisStatefulSets.CONFIG_HASH));
        Map<String, String> otherPassword = new java.util.HashMap<>(PASSWORDS);
        otherPassword.put("api", "new-pw");
        assertThat(hash(RedisStatefulSets.desired(redis, otherPassword), RedisStatefulSets.ACL_HASH))
                .isNotEqualTo(hash(before, RedisStatefulSets.ACL_HASH));
    }

    @Test
    void theAclFileTurnsTheDefaultUserOffAndHoldsOnlyHashes() {
        Redis redis = redis(spec("7.2", "64Mi", List.of(user("api", null, "cart:"))));
        String acl = RedisAcl.file(redis, PASSWORDS);
        assertThat(acl.lines())
                .containsExactly(
                        "user default off resetpass resetkeys resetchannels -@all",
                        "user atonix_admin on #" + RedisAcl.sha256("admin-pw") + " ~* &* +@all",
                        "user atonix_monitor on #" + RedisAcl.sha256("monitor-pw") + " resetchannels "
                                + RedisAcl.MONITORING,
                        "user api on #" + RedisAcl.sha256("api-pw") + " resetkeys resetchannels ~cart:* "
                                + RedisAcl.READ_WRITE + " -function");
        assertThat(RedisAcl.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        PASSWORDS.values().forEach(password -> assertThat(acl).doesNotContain(password));
        // Redis 6.0 and 6.1 know no channel rules and no FUNCTION command.
        String old = RedisAcl.file(redis(spec("6.0.20", "64Mi", List.of(user("api", null, null)))), PASSWORDS);
        assertThat(old).doesNotContain("&*", "resetchannels", "function");
        assertThat(RedisAcl.file(redis(spec("6", "64Mi", List.of())), PASSWORDS))
                .contains("&*");
    }

    @Test
    void noPasswordEverReachesAConfigMapOrAPodSpec() {
        Redis redis = full();
        List<HasMetadata> objects = RedisResources.desired(redis, () -> "Pa55word-that-must-not-leak");
        KubernetesSerialization yaml = new KubernetesSerialization();
        assertThat(objects)
                .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly(
                        "Secret/shop-redis-admin",
                        "Secret/shop-redis-monitoring",
                        "Secret/shop-redis-api-login",
                        "Secret/shop-redis-report-login",
                        "Secret/shop-redis-acl",
                        "ConfigMap/shop-redis-config",
                        "Service/shop-redis",
                        "StatefulSet/shop-redis");
        for (HasMetadata object : objects) {
            if (object instanceof ConfigMap
                    || object instanceof StatefulSet
                    || object.getMetadata().getName().endsWith("-acl")) {
                assertThat(yaml.asYaml(object)).as(object.getKind()).doesNotContain("Pa55word");
            }
        }
    }

    @Test
    void eachUserGetsABindingSecretAndCredentialsAreNeverStamped() {
        Redis redis = full();
        Secret api = RedisSecrets.user(redis, redis.getSpec().users().get(0), () -> "pw");
        assertThat(api.getMetadata().getName()).isEqualTo("shop-redis-api-login");
        assertThat(api.getType()).isEqualTo("servicebinding.io/redis");
        assertThat(api.getStringData())
                .containsExactly(
                        Map.entry("type", "redis"),
                        Map.entry("provider", "atonix"),
                        Map.entry("host", "shop-redis.shop.svc"),
                        Map.entry("port", "6379"),
                        Map.entry("username", "api"),
                        Map.entry("password", "pw"),
                        Map.entry("uri", "redis://api:pw@shop-redis.shop.svc:6379"));
        assertThat(DesiredHash.get(api)).isNull();
        Secret admin = RedisSecrets.admin(redis, () -> "a");
        assertThat(admin.getStringData())
                .containsEntry("username", "atonix_admin")
                .containsEntry("uri", "redis://atonix_admin:a@shop-redis.shop.svc:6379");
        assertThat(DesiredHash.get(admin)).isNull();
        Secret monitoring = RedisSecrets.monitoring(redis, () -> "m");
        assertThat(monitoring.getType()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(monitoring.getStringData())
                .containsEntry("username", "atonix_monitor")
                .containsEntry("password", "m");
        assertThat(DesiredHash.get(RedisAcl.desired(redis, PASSWORDS))).isNotNull();
    }

    @Test
    void theServiceServesRedisAndMetrics() {
        var service = RedisServices.desired(redis(spec("7.2", "64Mi", List.of())));
        assertThat(service.getMetadata().getName()).isEqualTo("shop-redis");
        assertThat(service.getSpec().getSelector()).containsExactly(Map.entry(Labels.REDIS, "shop-redis"));
        assertThat(service.getSpec().getPorts())
                .extracting(p -> p.getName() + ":" + p.getPort() + "->"
                        + p.getTargetPort().getStrVal())
                .containsExactly("redis:6379->redis", "metrics:9121->metrics");
    }

    @Test
    void onlyTheRedisContainersReadinessDecidesWhetherThePodServesTheExporterIsOnlyRestarted() {
        var containers = RedisStatefulSets.desired(full(), PASSWORDS)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers();
        assertThat(containers)
                .filteredOn(c -> c.getReadinessProbe() != null)
                .extracting(c -> c.getName())
                .containsExactly("redis");
        assertThat(containers)
                .filteredOn(c -> c.getName().equals("exporter"))
                .singleElement()
                .satisfies(c ->
                        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health"));
    }

    @Test
    void podsRunAsTheRedisUserUnderTheRestrictedProfile() {
        var pod = RedisStatefulSets.desired(full(), PASSWORDS)
                .getSpec()
                .getTemplate()
                .getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(999L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getContainers()).allSatisfy(c -> {
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        });
        assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
    }

    private static String hash(StatefulSet sts, String annotation) {
        return sts.getSpec().getTemplate().getMetadata().getAnnotations().get(annotation);
    }
}
