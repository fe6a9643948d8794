package io.atonix.operator.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class DriftTest {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static Deployment desired() {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("d")
                .addToLabels("a", "1")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewTemplate()
                .withNewSpec()
                .withServiceAccountName("sa")
                .addNewContainer()
                .withName("app")
                .withImage("nginx:1")
                .addToCommand("run")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    @Test
    void whatTheServerAddsOrCopiesIsNotDrift() {
        Deployment actual = new DeploymentBuilder(desired())
                .editMetadata()
                .withUid("u")
                .withResourceVersion("7")
                .addToLabels("extra", "x")
                .addToAnnotations("deployment.kubernetes.io/revision", "1")
                .endMetadata()
                .editSpec()
                .withRevisionHistoryLimit(10)
                .editTemplate()
                .editSpec()
                .withServiceAccount("sa")
                .editFirstContainer()
                .withTerminationMessagePath("/dev/termination-log")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(2)
                .endStatus()
                .build();
        assertThat(Drift.of(desired(), actual, SERIALIZATION)).isEmpty();
    }

    @Test
    void changedOrRemovedFieldsAndLabelsAreDrift() {
        Deployment actual = new DeploymentBuilder(desired())
                .editMetadata()
                .addToLabels("a", "2")
                .endMetadata()
                .editSpec()
                .withReplicas(3)
                .editTemplate()
                .editSpec()
                .editFirstContainer()
                .withImage("nginx:2")
                .withCommand()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        assertThat(Drift.of(desired(), actual, SERIALIZATION))
                .containsExactlyInAnyOrder(
                        "replace /metadata/labels/a", "replace /spec/replicas",
                        "replace /spec/template/spec/containers/0/image",
                                "remove /spec/template/spec/containers/0/command");
    }
}
