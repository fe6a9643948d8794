package io.atonix.operator.tls;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;

/**
 * The part of a data store's pod that holds its certificates: the TLS Secret's server certificate, key and CA
 * certificate, never the CA's key, which only the operator signs with. Read-only for root (the kubelet, which owns the
 * files) and the pod's group (fsGroup, the server's user): PostgreSQL accepts a key file owned by root that its group
 * may read, and refuses one that others may read.
 */
public final class TlsPodParts {
    public static final String VOLUME = "tls";
    /** Apart from the config's mount, which is a ConfigMap's and read-only. */
    public static final String MOUNT = "/etc/atonix/tls";

    static final int MODE = 0440;

    private TlsPodParts() {}

    /** The path of a key of the TLS Secret in the server's container. */
    public static String file(String key) {
        return MOUNT + "/" + key;
    }

    public static List<Volume> volumes(boolean required, String secretName) {
        if (!required) {
            return List.of();
        }
        VolumeBuilder volume = new VolumeBuilder()
                .withName(VOLUME)
                .withNewSecret()
                .withSecretName(secretName)
                .withDefaultMode(MODE)
                .endSecret();
        for (String key : List.of(ServerCertificate.TLS_CRT, ServerCertificate.TLS_KEY, ServerCertificate.CA_CRT)) {
            volume.editSecret()
                    .addNewItem()
                    .withKey(key)
                    .withPath(key)
                    .endItem()
                    .endSecret();
        }
        return List.of(volume.build());
    }

    /** For a client's pod (a backup Job): the CA certificate alone, which is no secret. */
    public static List<Volume> caVolumes(boolean required, String secretName) {
        if (!required) {
            return List.of();
        }
        return List.of(new VolumeBuilder()
                .withName(VOLUME)
                .withNewSecret()
                .withSecretName(secretName)
                .withDefaultMode(0444)
                .addNewItem()
                .withKey(ServerCertificate.CA_CRT)
                .withPath(ServerCertificate.CA_CRT)
                .endItem()
                .endSecret()
                .build());
    }

    public static List<VolumeMount> mounts(boolean required) {
        if (!required) {
            return List.of();
        }
        return List.of(new VolumeMountBuilder()
                .withName(VOLUME)
                .withMountPath(MOUNT)
                .withReadOnly(true)
                .build());
    }
}
