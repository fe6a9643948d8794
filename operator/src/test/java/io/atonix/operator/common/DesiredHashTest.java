package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredHashTest {

    @Test
    void theHashDoesNotDependOnMapOrderAndChangesWithContent() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        ConfigMap first = DesiredHash.stamp(configMap(ab));
        ConfigMap second = DesiredHash.stamp(configMap(ba));
        assertThat(DesiredHash.get(first)).isEqualTo(DesiredHash.get(second)).hasSize(24);

        ba.put("a", "changed");
        assertThat(DesiredHash.get(DesiredHash.stamp(configMap(ba)))).isNotEqualTo(DesiredHash.get(first));
    }

    @Test
    void stampingTwiceGivesTheSameHash() {
        ConfigMap once = DesiredHash.stamp(configMap(Map.of("k", "v")));
        String hash = DesiredHash.get(once);
        assertThat(DesiredHash.get(DesiredHash.stamp(once))).isEqualTo(hash);
    }

    @Test
    void aDeploymentBuiltAnotherWayButTheSameHashesTheSame() {
        Deployment written = new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace("ns")
                .withLabels(Map.of("app", "web"))
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("nginx")
                .withArgs(List.of())
                .withEnv(new ArrayList<>())
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        Deployment refactored = new DeploymentBuilder()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .withContainers(new ContainerBuilder()
                        .withImage("nginx")
                        .withName("web")
                        .build())
                .endSpec()
                .endTemplate()
                .withReplicas(2)
                .endSpec()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("web")
                .addToLabels("app", "web")
                .withAnnotations(new LinkedHashMap<>())
                .endMetadata()
                .build();
        assertThat(DesiredHash.get(DesiredHash.stamp(refactored)))
                .isEqualTo(DesiredHash.get(DesiredHash.stamp(written)));
        refactored.getSpec().setReplicas(3);
        assertThat(DesiredHash.get(DesiredHash.stamp(refactored)))
                .isNotEqualTo(DesiredHash.get(DesiredHash.stamp(written)));
    }

    private static ConfigMap configMap(Map<String, String> data) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName("x")
                .withNamespace("ns")
                .endMetadata()
                .withData(data)
                .build();
    }
}
