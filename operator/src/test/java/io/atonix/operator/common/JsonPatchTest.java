package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON patch operations the retention writes, which a real API server applies strictly. */
class JsonPatchTest {

    @Test
    void anEmptyValueRemovesAFieldThatIsThereAndDoesNothingToOneThatIsNot() {
        assertThat(JsonPatch.set("/metadata/ownerReferences", List.of(), true))
                .isEqualTo(Map.of("op", "remove", "path", "/metadata/ownerReferences"));
        assertThat(JsonPatch.set("/metadata/ownerReferences", null, false)).isEmpty();
        assertThat(JsonPatch.json(List.of(JsonPatch.set("/metadata/annotations", Map.of(), false))))
                .isEqualTo("[]");
    }

    @Test
    void aValueReplacesTheWholeFieldNeverMergingIntoIt() {
        assertThat(JsonPatch.set("/metadata/annotations", Map.of("a", "b"), true))
                .isEqualTo(Map.of("op", "add", "path", "/metadata/annotations", "value", Map.of("a", "b")));
    }

    @Test
    void oneAnnotationIsAddressedWithItsSlashEscapedAndAnAbsentMapIsMadeWithIt() {
        assertThat(JsonPatch.annotation(Map.of("x", "y"), "atonix.io/retained-volume", "pv-1"))
                .isEqualTo(Map.of(
                        "op", "add", "path", "/metadata/annotations/atonix.io~1retained-volume", "value", "pv-1"));
        assertThat(JsonPatch.annotation(Map.of(), "atonix.io/retained-volume", "pv-1"))
                .isEqualTo(Map.of(
                        "op",
                        "add",
                        "path",
                        "/metadata/annotations",
                        "value",
                        Map.of("atonix.io/retained-volume", "pv-1")));
        assertThat(JsonPatch.annotation(Map.of("x", "y"), "atonix.io/retained-volume", null))
                .isEmpty();
    }
}
