package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.ObjectStoreSpec;
import io.atonix.operator.common.SecretEnv;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a container needs to reach an object store with barman-cloud (boto3 underneath): the access key from the
 * user's Secret, the region, and the CA bundle of a private endpoint, mounted from its Secret. Named after its use
 * ("archive" for the server's own archive, "recovery" for the source it recovers from), since one pod may hold both:
 * the variables are AWS_*, with {@code envPrefix} before them for a second store.
 */
record ObjectStoreAccess(ObjectStoreSpec store, String use, String envPrefix) {

    ObjectStoreAccess(ObjectStoreSpec store, String use) {
        this(store, use, "");
    }

    /** The AWS_* variables barman-cloud reads for this store. */
    static List<String> variables(ObjectStoreSpec store) {
        List<String> names =
                new ArrayList<>(List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION"));
        if (store.ca() != null) {
            names.add("AWS_CA_BUNDLE");
        }
        return names;
    }

    List<EnvVar> env() {
        List<EnvVar> env = new ArrayList<>();
        env.add(SecretEnv.of(
                envPrefix + "AWS_ACCESS_KEY_ID",
                store.credentials().secretName(),
                store.credentials().accessKeyIdKeyOrDefault()));
        env.add(SecretEnv.of(
                envPrefix + "AWS_SECRET_ACCESS_KEY",
                store.credentials().secretName(),
                store.credentials().secretAccessKeyKeyOrDefault()));
        env.add(value(envPrefix + "AWS_DEFAULT_REGION", store.regionOrDefault()));
        if (store.ca() != null) {
            env.add(value(
                    envPrefix + "AWS_CA_BUNDLE", mountPath() + "/" + store.ca().key()));
        }
        return env;
    }

    Optional<Volume> caVolume() {
        return Optional.ofNullable(store.ca())
                .map(ca -> new VolumeBuilder()
                        .withName(volumeName())
                        .withNewSecret()
                        .withSecretName(ca.secretName())
                        .endSecret()
                        .build());
    }

    Optional<VolumeMount> caMount() {
        return Optional.ofNullable(store.ca())
                .map(ca -> new VolumeMountBuilder()
                        .withName(volumeName())
                        .withMountPath(mountPath())
                        .withReadOnly(true)
                        .build());
    }

    private String volumeName() {
        return use + "-ca";
    }

    private String mountPath() {
        return "/etc/atonix/" + use + "-ca";
    }

    private static EnvVar value(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }
}
