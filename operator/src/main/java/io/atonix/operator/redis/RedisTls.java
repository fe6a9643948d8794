package io.atonix.operator.redis;

import io.atonix.api.v1beta1.redis.Redis;
import io.atonix.operator.common.SecretChecksum;
import io.atonix.operator.tls.ServerCertificate;
import io.atonix.operator.tls.StoreCertificates;
import io.atonix.operator.tls.TlsPodParts;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** TLS of a Redis that requires it: its TLS Secret, the names its certificate is for, and where Redis finds the files. */
public final class RedisTls {
    private RedisTls() {}

    public static String secretName(Redis redis) {
        return ServerCertificate.secretName(redis.getMetadata().getName());
    }

    public static Secret secret(Redis redis, ServerCertificate certificate) {
        return StoreCertificates.secret(RedisObjects.kept(redis, secretName(redis)), certificate);
    }

    /** The stored certificates, or new ones when the Secret is missing or asked to rotate. */
    public static Supplier<ServerCertificate> certificates(Redis redis, Secret stored) {
        String name = redis.getMetadata().getName();
        return StoreCertificates.storedOrIssued(
                stored, name, redis.getMetadata().getNamespace(), List.of(name));
    }

    /** Stands for the certificates where the passwords are placeholders too (render). */
    static Supplier<ServerCertificate> placeholder(Supplier<String> value) {
        return () -> new ServerCertificate(value.get(), value.get(), value.get(), value.get());
    }

    /** redis.conf's lines for TLS: the TLS port in place of the plain one, clients authenticated by ACL password. */
    static String config() {
        return "port 0\n"
                + "tls-port " + RedisConfig.PORT + "\n"
                + "tls-cert-file " + TlsPodParts.file(ServerCertificate.TLS_CRT) + "\n"
                + "tls-key-file " + TlsPodParts.file(ServerCertificate.TLS_KEY) + "\n"
                + "tls-ca-cert-file " + TlsPodParts.file(ServerCertificate.CA_CRT) + "\n"
                + "tls-auth-clients no\n";
    }

    static Map<String, String> podAnnotations(Redis redis, Optional<String> tlsChecksum) {
        return redis.getSpec().tlsRequired() && tlsChecksum.isPresent()
                ? Map.of(SecretChecksum.ANNOTATION, tlsChecksum.get())
                : Map.of();
    }

    /**
     * The exporter talks to Redis over the pod's loopback, which never leaves the pod: with TLS when Redis requires
     * it, without checking the certificate, which names the Service, not the loopback address.
     */
    static List<EnvVar> exporterEnv(Redis redis) {
        if (!redis.getSpec().tlsRequired()) {
            return List.of();
        }
        return List.of(new EnvVarBuilder()
                .withName("REDIS_EXPORTER_SKIP_TLS_VERIFICATION")
                .withValue("true")
                .build());
    }
}
