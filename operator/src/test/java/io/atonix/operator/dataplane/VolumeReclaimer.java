package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Honours a PersistentVolume's reclaim policy on its directory: kwok's stages mark a volume Released when its claim
 * goes and delete it when its policy is Delete; then its directory goes too. A Retain volume stays Released, and its
 * directory with it, as a real disk would.
 */
final class VolumeReclaimer implements AutoCloseable {
    private final SharedIndexInformer<PersistentVolume> informer;

    VolumeReclaimer(KubernetesClient client, Path volumeRoot) {
        informer = client.persistentVolumes().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(PersistentVolume volume) {}

            @Override
            public void onUpdate(PersistentVolume old, PersistentVolume volume) {}

            @Override
            public void onDelete(PersistentVolume volume, boolean unknownFinalState) {
                remove(volumeRoot.resolve(volume.getMetadata().getName()));
            }
        });
    }

    private static void remove(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[data plane] removing " + dir + ": " + e);
        }
    }

    @Override
    public void close() {
        informer.close();
    }
}
