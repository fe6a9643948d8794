package io.atonix.operator.redis;

import static io.atonix.operator.redis.RedisFixtures.redis;
import static io.atonix.operator.redis.RedisFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.common.TlsMode;
import io.atonix.api.v1beta1.common.TlsSpec;
import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.api.v1beta1.redis.RedisSpec;
import io.atonix.operator.common.SecretChecksum;
import io.atonix.operator.tls.ServerCertificate;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Redis that requires TLS: only its TLS port listens, and its bindings tell clients to verify it. */
class RedisTlsTest {
    private static final ServerCertificate ISSUED = new ServerCertificate("CA-PEM", "CA-KEY", "CRT-PEM", "KEY-PEM");
    private static final Map<String, String> PASSWORDS = Map.of("atonix_admin", "a", "atonix_monitor", "m", "api", "p");

    private static Redis redisWith(TlsSpec tls) {
        return redis(new RedisSpec(
                "7.2",
                new Quantity("256Mi"),
                null,
                null,
                List.of(user("api", null, null)),
                null,
                null,
                null,
                null,
                tls));
    }

    private static Redis required() {
        return redisWith(new TlsSpec(TlsMode.Required));
    }

    private static Map<String, Secret> secrets(Redis redis) {
        return RedisSecrets.all(redis, name -> "pw", () -> ISSUED);
    }

    @Test
    void theBindingsUseRedissAndCarryTheCaCertificate() {
        for (String name : List.of("shop-redis-api-login", "shop-redis-admin")) {
            assertThat(secrets(required()).get(name).getStringData())
                    .containsEntry("ssl", "true")
                    .containsEntry("ca.crt", "CA-PEM")
                    .hasEntrySatisfying(
                            "uri",
                            uri -> assertThat(uri).startsWith("rediss://").endsWith("@shop-redis.shop.svc:6379"));
        }
        assertThat(secrets(required()).get("shop-redis-tls").getStringData())
                .containsEntry("tls.crt", "CRT-PEM")
                .containsEntry("tls.key", "KEY-PEM");
    }

    @Test
    void withoutTlsTheBindingsAreExactlyWhatTheyWereBeforeSpecTlsExisted() {
        Map<String, Secret> secrets = RedisSecrets.all(redisWith(null), name -> "pw", () -> {
            throw new AssertionError("no certificates are issued without TLS");
        });
        assertThat(secrets).doesNotContainKey("shop-redis-tls");
        assertThat(secrets.get("shop-redis-api-login").getStringData())
                .containsEntry("uri", "redis://api:pw@shop-redis.shop.svc:6379")
                .doesNotContainKeys("ssl", "ca.crt");
        assertThat(RedisConfig.file(redisWith(null))).contains("port 6379\n").doesNotContain("tls-");
    }

    @Test
    void redisListensOnTheTlsPortAloneAndAuthenticatesClientsByPassword() {
        assertThat(RedisConfig.file(required()))
                .contains("port 0\n")
                .contains("tls-port 6379\n")
                .contains("tls-cert-file /etc/atonix/tls/tls.crt\n")
                .contains("tls-key-file /etc/atonix/tls/tls.key\n")
                .contains("tls-ca-cert-file /etc/atonix/tls/ca.crt\n")
                .contains("tls-auth-clients no\n")
                .doesNotContainPattern("(?m)^port 6379$");
    }

    @Test
    void thePodMountsTheCertificatesAndItsProbesAndExporterSpeakTls() {
        String checksum = SecretChecksum.of(List.of(secrets(required()).get("shop-redis-tls")))
                .orElseThrow();
        StatefulSet sts = RedisStatefulSets.desired(required(), PASSWORDS, Optional.of(checksum));
        var pod = sts.getSpec().getTemplate();
        assertThat(pod.getMetadata().getAnnotations()).containsEntry(SecretChecksum.ANNOTATION, checksum);
        var volume = pod.getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("tls"))
                .findFirst()
                .orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo("shop-redis-tls");
        assertThat(volume.getSecret().getItems()).extracting(i -> i.getKey()).doesNotContain("ca.key");
        var server = pod.getSpec().getContainers().get(0);
        assertThat(server.getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/atonix/tls"));
        assertThat(server.getReadinessProbe().getExec().getCommand().get(2))
                .contains("--tls --cacert /etc/atonix/tls/ca.crt");
        var exporter = pod.getSpec().getContainers().get(1);
        assertThat(exporter.getEnv())
                .anySatisfy(e ->
                        assertThat(e.getName() + "=" + e.getValue()).isEqualTo("REDIS_ADDR=rediss://127.0.0.1:6379"))
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue())
                        .isEqualTo("REDIS_EXPORTER_SKIP_TLS_VERIFICATION=true"));
    }

    @Test
    void withoutTlsThePodHasNoCertificatesAndNoChecksumOfThem() {
        StatefulSet sts = RedisStatefulSets.desired(redisWith(null), PASSWORDS, Optional.of("ignored"));
        assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
                .doesNotContainKey(SecretChecksum.ANNOTATION);
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes())
                .noneMatch(v -> v.getName().equals("tls"));
    }
}
