package io.atonix.operator.tls;

import io.atonix.operator.common.Rotation;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The TLS Secret of a data store and where its certificates come from: the stored Secret's, so that a reconcile never
 * issues new ones, unless there is none yet or a person asked for a rotation ({@link Rotation}); only then does the
 * {@link CertificateAuthority} run.
 */
public final class StoreCertificates {
    private StoreCertificates() {}

    /**
     * The certificates of a store, at most once per call of the supplier's owner: the stored ones, or freshly issued
     * ones when the Secret is missing, incomplete or asked to rotate.
     */
    public static Supplier<ServerCertificate> storedOrIssued(
            Secret stored, String store, String namespace, List<String> services) {
        Optional<ServerCertificate> kept =
                stored == null || Rotation.requested(stored) ? Optional.empty() : ServerCertificate.of(stored);
        return once(() -> kept.orElseGet(() ->
                CertificateAuthority.issue(store + "." + namespace, dnsNames(namespace, services), Instant.now())));
    }

    /** For a builder asked for one Secret without certificates: fails if the store requires TLS after all. */
    public static Supplier<ServerCertificate> notGiven(String store) {
        return () -> {
            throw new IllegalStateException(store + " requires TLS, and its certificates were not given");
        };
    }

    /** The Secret of a store's certificates, with the store's metadata for it. No desired-hash stamp: never compared. */
    public static Secret secret(ObjectMeta metadata, ServerCertificate certificate) {
        return new SecretBuilder()
                .withMetadata(metadata)
                .withType(ServerCertificate.SECRET_TYPE)
                .withStringData(certificate.data())
                .build();
    }

    /**
     * The names clients reach a Service by, for each Service: the cluster DNS name (namespace.svc, what the bindings
     * give), the name with the usual cluster domain, and the short forms a pod of the namespace may use.
     */
    public static List<String> dnsNames(String namespace, List<String> services) {
        List<String> names = new ArrayList<>();
        for (String service : services) {
            names.add(service + "." + namespace + ".svc");
            names.add(service + "." + namespace + ".svc.cluster.local");
            names.add(service + "." + namespace);
            names.add(service);
        }
        return names;
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
