package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.binding.RedisBinding;
import io.atonix.operator.binding.ServiceBinding;
import io.atonix.operator.common.SecretEnv;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service needs to verify a data store of its stack that requires TLS: the CA certificate of each such use's
 * binding Secret as a file (a certificate is no secret, but libpq and Redis clients read it from a file), and the
 * variables that point the client at it.
 */
final class UseTls {
    /** Each use's CA certificate is at {@code <DIRECTORY>/<use>/ca.crt}. */
    static final String DIRECTORY = "/var/run/secrets/atonix.io";

    private static final int READABLE = 0444;

    private UseTls() {}

    static boolean required(AppStack stack, ServiceUse use) {
        var spec = stack.getSpec();
        return switch (use.kind()) {
            case Postgres -> spec.postgres() != null && spec.postgres().tlsRequired();
            case Redis -> spec.redis() != null && spec.redis().tlsRequired();
            case Kafka, ObjectStore -> false;
        };
    }

    static String caFile(ServiceUse use) {
        return DIRECTORY + "/" + use.name() + "/" + ServiceBinding.CA_CRT;
    }

    static List<EnvVar> env(AppStack stack, ServiceSpec service, ServiceUse use) {
        if (!required(stack, use)) {
            return List.of();
        }
        String prefix = use.envPrefixOrDefault();
        String secret = UseBindings.secretName(stack, service, use);
        return switch (use.kind()) {
            case Postgres ->
                List.of(
                        SecretEnv.of(prefix + PostgresBinding.SSL_MODE_ENV, secret, PostgresBinding.SSL_MODE),
                        value(prefix + PostgresBinding.SSL_ROOT_CERT_ENV, caFile(use)));
            case Redis -> List.of(value(prefix + RedisBinding.CA_CERT_ENV, caFile(use)));
            case Kafka, ObjectStore -> List.of();
        };
    }

    static List<Volume> volumes(AppStack stack, ServiceSpec service) {
        List<Volume> volumes = new ArrayList<>();
        for (ServiceUse use : service.uses()) {
            if (required(stack, use)) {
                volumes.add(new VolumeBuilder()
                        .withName(volume(use))
                        .withNewSecret()
                        .withSecretName(UseBindings.secretName(stack, service, use))
                        .withDefaultMode(READABLE)
                        .addNewItem()
                        .withKey(ServiceBinding.CA_CRT)
                        .withPath(ServiceBinding.CA_CRT)
                        .endItem()
                        .endSecret()
                        .build());
            }
        }
        return volumes;
    }

    static List<VolumeMount> mounts(AppStack stack, ServiceSpec service) {
        List<VolumeMount> mounts = new ArrayList<>();
        for (ServiceUse use : service.uses()) {
            if (required(stack, use)) {
                mounts.add(new VolumeMountBuilder()
                        .withName(volume(use))
                        .withMountPath(DIRECTORY + "/" + use.name())
                        .withReadOnly(true)
                        .build());
            }
        }
        return mounts;
    }

    /** A use's name has no hyphen, so no two uses of a service give the same volume. */
    private static String volume(ServiceUse use) {
        return "tls-" + use.name();
    }

    private static EnvVar value(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }
}
