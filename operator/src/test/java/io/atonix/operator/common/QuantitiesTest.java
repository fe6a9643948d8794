package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
        "0.5, 500m",
        "1000m, 1",
        "250m, 250m",
        "1, 1",
        "1000, 1k",
        "1024Mi, 1Gi",
        "1536Mi, 1536Mi",
        "1.5Gi, 1536Mi",
        "512Mi, 512Mi",
        "2048Ki, 2Mi",
        "1G, 1G",
        "1500M, 1500M",
        "0, 0",
    })
    void writesQuantitiesAsTheApiServerStoresThem(String written, String stored) {
        assertThat(Quantities.canonical(new Quantity(written)).toString()).isEqualTo(stored);
    }
}
