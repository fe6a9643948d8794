package io.atonix.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The platform's COSI, from the chart's values to the setting the operator reads, and its rights on BucketAccesses. */
class ChartCosiTest {

    private static Map<String, String> env(RenderedChart chart) {
        return chart.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (a, b) -> b, TreeMap::new));
    }

    @Test
    void theDefaultBucketAccessClassReachesTheOperatorAndOnlyANameIsAccepted() {
        assertThat(env(RenderedChart.render(""))).doesNotContainKey("ATONIX_COSI_BUCKET_ACCESS_CLASS_NAME");
        assertThat(env(RenderedChart.render("cosi: { bucketAccessClassName: s3-keys }\n")))
                .containsEntry("ATONIX_COSI_BUCKET_ACCESS_CLASS_NAME", "s3-keys");
        assertThatThrownBy(() -> RenderedChart.render("cosi: { bucketAccessClassName: S3 Keys }\n"))
                .hasMessageContaining("bucketAccessClassName");
    }

    @Test
    void theOperatorMayManageBucketAccessesAndNothingElseOfCosi() {
        assertThat(RenderedChart.render("").one(ClusterRole.class).getRules())
                .filteredOn(rule -> rule.getApiGroups().contains("objectstorage.k8s.io"))
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.getResources()).containsExactly("bucketaccesses");
                    assertThat(rule.getVerbs())
                            .containsExactlyElementsOf(List.of("get", "list", "watch", "create", "update", "delete"));
                });
    }
}
