package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod's volumes as directories on the host, as the kubelet makes them: Secret, ConfigMap and projected volumes as
 * files (items, keys, modes; group-owned by the pod's fsGroup), emptyDir in the pod's directory, and a claim as its
 * bound PersistentVolume's directory under the agent's volume root, which outlives the pod and the claim.
 */
final class PodVolumes {
    private final KubernetesClient client;
    private final Path volumeRoot;

    PodVolumes(KubernetesClient client, Path volumeRoot) {
        this.client = client;
        this.volumeRoot = volumeRoot;
    }

    /** The directory that holds each PersistentVolume's directory, by the volume's name. */
    Path root() {
        return volumeRoot;
    }

    /** Each volume's directory, by volume name. */
    Map<String, Path> materialise(Pod pod, Path podDirectory) throws IOException {
        String namespace = pod.getMetadata().getNamespace();
        Long fsGroup = pod.getSpec().getSecurityContext() == null
                ? null
                : pod.getSpec().getSecurityContext().getFsGroup();
        Map<String, Path> directories = new HashMap<>();
        for (Volume volume : pod.getSpec().getVolumes()) {
            Path dir = podDirectory.resolve("volumes").resolve(volume.getName());
            if (volume.getPersistentVolumeClaim() != null) {
                dir = claimDirectory(
                        namespace, volume.getPersistentVolumeClaim().getClaimName());
                Files.createDirectories(dir);
                FileModes.shared(dir, fsGroup);
            } else if (volume.getEmptyDir() != null) {
                Files.createDirectories(dir);
                FileModes.shared(dir, fsGroup);
            } else {
                KeyFiles files = new KeyFiles(dir, fsGroup);
                if (volume.getSecret() != null) {
                    var secret = volume.getSecret();
                    files.write(
                            secretData(namespace, secret.getSecretName()), secret.getItems(), secret.getDefaultMode());
                } else if (volume.getConfigMap() != null) {
                    var map = volume.getConfigMap();
                    files.write(configMapData(namespace, map.getName()), map.getItems(), map.getDefaultMode());
                } else if (volume.getProjected() != null) {
                    Integer mode = volume.getProjected().getDefaultMode();
                    for (VolumeProjection source : volume.getProjected().getSources()) {
                        if (source.getSecret() != null) {
                            files.write(
                                    secretData(namespace, source.getSecret().getName()),
                                    source.getSecret().getItems(),
                                    mode);
                        } else if (source.getConfigMap() != null) {
                            files.write(
                                    configMapData(
                                            namespace, source.getConfigMap().getName()),
                                    source.getConfigMap().getItems(),
                                    mode);
                        } else if (source.getServiceAccountToken() != null) {
                            var token = source.getServiceAccountToken();
                            files.write(Map.of(token.getPath(), serviceAccountToken(pod, token)), null, mode);
                        } else if (source.getDownwardAPI() != null) {
                            files.write(
                                    downward(
                                            pod,
                                            podDirectory,
                                            source.getDownwardAPI().getItems()),
                                    null,
                                    mode);
                        } else {
                            throw new IllegalStateException("unsupported projection in volume " + volume.getName());
                        }
                    }
                } else {
                    throw new IllegalStateException("unsupported volume " + volume.getName() + " of pod "
                            + pod.getMetadata().getName());
                }
            }
            directories.put(volume.getName(), dir);
        }
        return directories;
    }

    /** A token of the pod's ServiceAccount from the TokenRequest API, as the kubelet gets one for the pod. */
    private byte[] serviceAccountToken(Pod pod, io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection token) {
        String account = pod.getSpec().getServiceAccountName() == null
                ? "default"
                : pod.getSpec().getServiceAccountName();
        var spec = new io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder()
                .withNewSpec()
                .withExpirationSeconds(token.getExpirationSeconds() == null ? 3600L : token.getExpirationSeconds())
                .withAudiences(token.getAudience() == null ? List.of() : List.of(token.getAudience()))
                .endSpec()
                .build();
        var answer = client.serviceAccounts()
                .inNamespace(pod.getMetadata().getNamespace())
                .withName(account)
                .tokenRequest(spec);
        return answer.getStatus().getToken().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The downward API's files: each item's pod field, by its path. */
    private static Map<String, byte[]> downward(
            Pod pod, Path podDirectory, List<io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile> items) {
        Map<String, byte[]> files = new HashMap<>();
        for (var item : items) {
            if (item.getFieldRef() == null) {
                throw new IllegalStateException("unsupported downward API item " + item.getPath());
            }
            String value =
                    ContainerEnv.field(item.getFieldRef().getFieldPath(), new PodContext(pod, null, podDirectory));
            files.put(item.getPath(), value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return files;
    }

    private Path claimDirectory(String namespace, String claim) {
        var pvc = client.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName(claim)
                .get();
        if (pvc == null
                || pvc.getSpec().getVolumeName() == null
                || pvc.getSpec().getVolumeName().isEmpty()) {
            throw new IllegalStateException("claim " + namespace + "/" + claim + " is not bound yet");
        }
        return volumeRoot.resolve(pvc.getSpec().getVolumeName());
    }

    private Map<String, byte[]> secretData(String namespace, String name) {
        var secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            throw new IllegalStateException("secret " + namespace + "/" + name + " not found");
        }
        Map<String, byte[]> data = new HashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
        }
        return data;
    }

    private Map<String, byte[]> configMapData(String namespace, String name) {
        var map = client.configMaps().inNamespace(namespace).withName(name).get();
        if (map == null) {
            throw new IllegalStateException("configmap " + namespace + "/" + name + " not found");
        }
        Map<String, byte[]> data = new HashMap<>();
        if (map.getData() != null) {
            map.getData().forEach((k, v) -> data.put(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return data;
    }

    /** The files of one Secret or ConfigMap source in a volume directory: all keys, or the items with their paths. */
    private record KeyFiles(Path dir, Long fsGroup) {
        void write(Map<String, byte[]> data, List<KeyToPath> items, Integer defaultMode) throws IOException {
            Files.createDirectories(dir);
            FileModes.readable(dir, fsGroup);
            int mode = defaultMode == null ? 0644 : defaultMode;
            if (items == null || items.isEmpty()) {
                for (var entry : data.entrySet()) {
                    FileModes.write(dir.resolve(entry.getKey()), entry.getValue(), mode, fsGroup);
                }
                return;
            }
            for (KeyToPath item : items) {
                byte[] value = data.get(item.getKey());
                if (value == null) {
                    throw new IllegalStateException("no key " + item.getKey() + " for volume file " + item.getPath());
                }
                Path file = dir.resolve(item.getPath());
                Files.createDirectories(file.getParent());
                FileModes.write(file, value, item.getMode() == null ? mode : item.getMode(), fsGroup);
            }
        }
    }
}
