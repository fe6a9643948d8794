package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class PodVolumesTest {
    static KubernetesClient client;

    @TempDir
    Path temp;

    @Test
    void secretConfigMapAndProjectedVolumesBecomeFilesWithTheirItemsModesAndTheFsGroup() throws Exception {
        int group = (Integer) Files.getAttribute(temp, "unix:gid");
        client.secrets()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("acl")
                        .withNamespace("ns")
                        .endMetadata()
                        .withData(Map.of("users.acl", b64("user web on"), "other", b64("x")))
                        .build())
                .create();
        client.configMaps()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("conf")
                        .withNamespace("ns")
                        .endMetadata()
                        .withData(Map.of("redis.conf", "port 6379"))
                        .build())
                .create();
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withNamespace("ns")
                .endMetadata()
                .withNewSpec()
                .withNewSecurityContext()
                .withFsGroup((long) group)
                .endSecurityContext()
                .addNewVolume()
                .withName("config")
                .withNewProjected()
                .withDefaultMode(0440)
                .addNewSource()
                .withNewConfigMap()
                .withName("conf")
                .endConfigMap()
                .endSource()
                .addNewSource()
                .withNewSecret()
                .withName("acl")
                .addNewItem()
                .withKey("users.acl")
                .withPath("acl/users.acl")
                .withMode(0400)
                .endItem()
                .endSecret()
                .endSource()
                .endProjected()
                .endVolume()
                .addNewVolume()
                .withName("scratch")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .build();

        Map<String, Path> volumes = new PodVolumes(client, temp.resolve("pv")).materialise(pod, temp.resolve("pod"));

        Path config = volumes.get("config");
        assertThat(config.resolve("redis.conf")).hasContent("port 6379");
        assertThat(mode(config.resolve("redis.conf"))).isEqualTo("r--r-----");
        assertThat(config.resolve("acl/users.acl")).hasContent("user web on");
        assertThat(mode(config.resolve("acl/users.acl"))).isEqualTo("r--------");
        assertThat(config.resolve("other")).as("a key the items leave out").doesNotExist();
        assertThat(Files.getAttribute(config.resolve("redis.conf"), "unix:gid")).isEqualTo(group);
        assertThat(mode(volumes.get("scratch"))).isEqualTo("rwxrwxr-x");
    }

    @Test
    void aClaimIsItsBoundVolumesDirectoryWhichOutlivesThePod() throws Exception {
        client.persistentVolumeClaims()
                .resource(new PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withName("data-0")
                        .withNamespace("ns")
                        .endMetadata()
                        .withNewSpec()
                        .withVolumeName("pvc-1234")
                        .endSpec()
                        .build())
                .create();
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withNamespace("ns")
                .endMetadata()
                .withNewSpec()
                .addNewVolume()
                .withName("data")
                .withNewPersistentVolumeClaim()
                .withClaimName("data-0")
                .endPersistentVolumeClaim()
                .endVolume()
                .endSpec()
                .build();

        Path first = new PodVolumes(client, temp.resolve("pv"))
                .materialise(pod, temp.resolve("pod-a"))
                .get("data");
        Files.writeString(first.resolve("appendonly.aof"), "SET a 1");
        Path second = new PodVolumes(client, temp.resolve("pv"))
                .materialise(pod, temp.resolve("pod-b"))
                .get("data");

        assertThat(second).isEqualTo(temp.resolve("pv/pvc-1234"));
        assertThat(second.resolve("appendonly.aof")).hasContent("SET a 1");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes());
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
