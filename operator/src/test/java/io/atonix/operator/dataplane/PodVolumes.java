package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A container's mounts made into directories, as far as the operator's Postgres pods need (the agent's own volume
 * code does the whole job): claims, ConfigMaps (every key a file) and emptyDirs.
 */
final class PodVolumes {
    private PodVolumes() {}

    /**
     * @param claims the directory of each claim, by the pod's volume name (a StatefulSet's claim template has no
     *        volume in the pod spec, only its name)
     * @return the directory behind each of the container's mount paths
     */
    static Map<String, Path> materialise(
            PodSpec pod,
            Container container,
            Map<String, Path> claims,
            Map<String, ConfigMap> configMaps,
            Path podDir) {
        Map<String, Path> mounts = new HashMap<>();
        try {
            for (VolumeMount mount : container.getVolumeMounts()) {
                Volume volume = pod.getVolumes().stream()
                        .filter(candidate -> candidate.getName().equals(mount.getName()))
                        .findFirst()
                        .orElse(null);
                Path directory;
                if (volume == null || volume.getPersistentVolumeClaim() != null) {
                    directory = claims.get(mount.getName());
                } else {
                    directory =
                            Files.createDirectories(podDir.resolve("volumes").resolve(mount.getName()));
                    if (volume.getConfigMap() != null) {
                        for (var entry : configMaps
                                .get(volume.getConfigMap().getName())
                                .getData()
                                .entrySet()) {
                            Files.writeString(directory.resolve(entry.getKey()), entry.getValue());
                        }
                    }
                }
                if (directory == null) {
                    throw new IllegalArgumentException("no claim for volume " + mount.getName());
                }
                mounts.put(mount.getMountPath(), directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mounts;
    }
}
