package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Names;
import io.atonix.operator.tls.ServerCertificate;
import io.atonix.operator.tls.StoreCertificates;
import io.fabric8.kubernetes.api.model.Secret;
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
}
