package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.common.Names;
import io.atonix.operator.tls.ServerCertificate;
import io.atonix.operator.tls.StoreCertificates;
import io.atonix.operator.tls.TlsPodParts;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * TLS of a Postgres that requires it: its TLS Secret, the names its certificate is for (the read-write and headless
 * Services), and where the server finds the files.
 */
public final class PostgresTls {
    private PostgresTls() {}

    public static String secretName(Postgres postgres) {
        return ServerCertificate.secretName(postgres.getMetadata().getName());
    }

    public static Secret secret(Postgres postgres, ServerCertificate certificate) {
        return StoreCertificates.secret(PostgresObjects.kept(postgres, secretName(postgres)), certificate);
    }

    /** The stored certificates, or new ones when the Secret is missing or asked to rotate. */
    public static Supplier<ServerCertificate> certificates(Postgres postgres, Secret stored) {
        String name = postgres.getMetadata().getName();
        String namespace = postgres.getMetadata().getNamespace();
        return StoreCertificates.storedOrIssued(stored, name, namespace, List.of(name, Names.postgresHeadless(name)));
    }

    /** Stands for the certificates where the passwords are placeholders too (render). */
    static Supplier<ServerCertificate> placeholder(Supplier<String> value) {
        return () -> new ServerCertificate(value.get(), value.get(), value.get(), value.get());
    }

    /** The stored TLS Secret, when the server requires TLS and the Secret exists. */
    static Optional<Secret> stored(Postgres postgres, Map<String, Secret> secretsByName) {
        return postgres.getSpec().tlsRequired()
                ? Optional.ofNullable(secretsByName.get(secretName(postgres)))
                : Optional.empty();
    }

    /**
     * The exporter talks to the server over the pod's loopback, which never leaves the pod: with TLS when the server
     * requires it, without checking the certificate, which names the Services, not the loopback address.
     */
    static String exporterSslMode(Postgres postgres) {
        return postgres.getSpec().tlsRequired() ? "require" : "disable";
    }

    /**
     * What a libpq client in a pod of the operator's (the backup Jobs) needs to check the server, when it requires TLS:
     * verify-full against the CA mounted by {@link TlsPodParts#caVolumes}.
     */
    static List<EnvVar> clientEnv(Postgres postgres) {
        if (!postgres.getSpec().tlsRequired()) {
            return List.of();
        }
        return List.of(
                new EnvVarBuilder()
                        .withName(PostgresBinding.SSL_MODE_ENV)
                        .withValue(PostgresBinding.VERIFY_FULL)
                        .build(),
                new EnvVarBuilder()
                        .withName(PostgresBinding.SSL_ROOT_CERT_ENV)
                        .withValue(TlsPodParts.file(ServerCertificate.CA_CRT))
                        .build());
    }

    static List<Volume> clientVolumes(Postgres postgres) {
        return TlsPodParts.caVolumes(postgres.getSpec().tlsRequired(), secretName(postgres));
    }

    static List<VolumeMount> clientMounts(Postgres postgres) {
        return TlsPodParts.mounts(postgres.getSpec().tlsRequired());
    }
}
