package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.api.v1beta1.redis.RedisUserSpec;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.atonix.operator.testtools.TestPrograms;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Redis created through the packaged operator runs for real on the data plane's node: Debian's redis-server with the
 * redis.conf and ACL file the operator mounted, Ready because its exec probe (redis-cli PING as the monitoring user)
 * really passes. The credentials of the operator's binding Secrets are tried with redis-cli against that server.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataPlaneRedisIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String POD = "sessions-0";

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static TestPrograms.Program redisCli;

    @BeforeAll
    static void start() throws Exception {
        redisCli = TestPrograms.debian("redis-cli", "REDIS_CLI", RedisImage.PACKAGES);
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-redis");
        namespace = namespaces.restricted("caches");
        DataPlane.admit(admin, namespace);
        operator = OperatorProcess.start(RealCluster.plane(), "dp-redis");
        Redis redis = new Redis();
        redis.setMetadata(new ObjectMetaBuilder()
                .withName("sessions")
                .withNamespace(namespace)
                .build());
        redis.setSpec(new RedisSpec(
                "7.2",
                new Quantity("64Mi"),
                null,
                null,
                List.of(new RedisUserSpec("web", null, null), new RedisUserSpec("reports", Access.ReadOnly, "web:")),
                null,
                DeletionPolicy.Delete,
                null,
                null));
        admin.resource(redis).create();
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(ready()).as("Redis Ready").isTrue());
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
    @Order(1)
    void theRedisPodRunsOnTheAgentsNodeAtItsOwnLoopbackAddressWhichItsServiceNameResolvesTo() throws Exception {
        Pod pod = admin.pods().inNamespace(namespace).withName(POD).get();
        assertThat(pod.getSpec().getNodeName()).isEqualTo(DataPlane.NODE);
        assertThat(pod.getStatus().getPodIP()).startsWith("127.").isNotEqualTo("127.0.0.1");
        String host = secret("sessions-web-login").get("host");
        // The agent rewrites the file within a second of a pod's readiness changing.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Files.readAllLines(DataPlane.hostsFile(RealCluster.plane())))
                        .contains(pod.getStatus().getPodIP() + " " + host));
    }

    @Test
    @Order(2)
    void theReadWriteUserWritesUnderItsPrefixOnlyTheReadOnlyUserOnlyReadsAndTheDefaultUserIsRefused() throws Exception {
        Map<String, String> web = secret("sessions-web-login");
        Map<String, String> reports = secret("sessions-reports-login");

        assertThat(redis(web, "SET", "web:cart", "3")).isEqualTo("OK");
        assertThat(redis(web, "SET", "reports:cart", "3")).startsWith("NOPERM");
        assertThat(redis(reports, "GET", "web:cart")).isEqualTo("3");
        assertThat(redis(reports, "SET", "web:cart", "4")).startsWith("NOPERM");
        assertThat(redis(Map.of(), "GET", "web:cart")).startsWith("NOAUTH");
        assertThat(redis(Map.of("username", "default", "password", web.get("password")), "GET", "web:cart"))
                .contains("WRONGPASS");
    }

    @Test
    @Order(3)
    void aKilledRedisServerIsSeenAsAContainerRestartAndComesBackReadyWithItsAppendOnlyData() throws Exception {
        Map<String, String> web = secret("sessions-web-login");
        assertThat(redis(web, "SET", "web:survivor", "yes")).isEqualTo("OK");
        AppendOnlyFile.awaitKey(admin, namespace, "data-sessions-0", "web:survivor");
        DataPlane.kill(namespace, POD, "redis");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var status =
                    admin.pods().inNamespace(namespace).withName(POD).get().getStatus().getContainerStatuses().stream()
                            .filter(s -> s.getName().equals("redis"))
                            .findFirst()
                            .orElseThrow();
            assertThat(status.getRestartCount()).isEqualTo(1);
            assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(137);
            assertThat(status.getReady()).isTrue();
            assertThat(ready()).isTrue();
        });
        assertThat(redis(web, "GET", "web:survivor")).isEqualTo("yes");
    }

    @Test
    @Order(4)
    void deletingTheRedisStopsItsPodAndItsDeletePolicyRemovesTheVolumesDirectoryWithTheVolume() {
        String volume = dataVolume();
        Path directory = DataPlane.volumeDirectory(volume);
        assertThat(directory.resolve("appendonlydir"))
                .as("redis-server's append-only files")
                .isDirectory();

        admin.resources(Redis.class).inNamespace(namespace).withName("sessions").delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(admin.pods().inNamespace(namespace).withName(POD).get()).isNull();
            assertThat(admin.persistentVolumes().withName(volume).get()).isNull();
            assertThat(directory).doesNotExist();
        });
    }

    /** The PersistentVolume bound to the Redis pod's data claim. */
    private static String dataVolume() {
        return admin.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName("data-sessions-0")
                .get()
                .getSpec()
                .getVolumeName();
    }

    private static boolean ready() {
        Redis current = admin.resources(Redis.class)
                .inNamespace(namespace)
                .withName("sessions")
                .get();
        return current != null
                && current.getStatus() != null
                && Conditions.find(current.getStatus().conditions(), ConditionTypes.READY)
                        .map(c -> c.holds())
                        .orElse(false);
    }

    private static Map<String, String> secret(String name) {
        Map<String, String> decoded = new java.util.HashMap<>();
        admin.secrets()
                .inNamespace(namespace)
                .withName(name)
                .get()
                .getData()
                .forEach((k, v) -> decoded.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return decoded;
    }

    /** One command through redis-cli to the pod's address, as the login's user; its reply or error, trimmed. */
    private static String redis(Map<String, String> login, String... command) throws Exception {
        Pod pod = admin.pods().inNamespace(namespace).withName(POD).get();
        List<String> args = new ArrayList<>(List.of("-h", pod.getStatus().getPodIP(), "-p", "6379"));
        if (login.containsKey("username")) {
            args.addAll(List.of("--user", login.get("username")));
        }
        args.addAll(List.of(command));
        ProcessBuilder builder = redisCli.command(args).redirectErrorStream(true);
        if (login.containsKey("password")) {
            builder.environment().put("REDISCLI_AUTH", login.get("password"));
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return out;
    }
}
