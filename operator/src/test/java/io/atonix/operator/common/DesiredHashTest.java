package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.LinkedHashMap;
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
