package io.atonix.operator.keda;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.operator.appstack.AppStackResources;
import io.atonix.operator.appstack.Autoscalers;
import io.atonix.operator.appstack.BindingChecksums;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.kafka.KafkaAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which autoscaler each service gets, with KEDA and without, and what the stack then says. */
class EventScalingTest {
    private static final AppStack SHOP = ScaledStacks.shop("team");

    @Test
    void withKedaServicesWithTriggersGetAScaledObjectAndNoHpaWhileACpuOnlyServiceKeepsItsHpa() {
        List<HasMetadata> objects = AppStackResources.desired(
                SHOP,
                PlatformSettings.defaults(),
                BindingChecksums.placeholder(),
                EventScaling.keda(KafkaClientSecurity.assumed(KafkaAuthentication.SCRAM_SHA_512)));
        assertThat(objects)
                .filteredOn(o -> o instanceof HorizontalPodAutoscaler)
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("shop-api");
        assertThat(objects)
                .filteredOn(o -> o instanceof ScaledObject)
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("shop-worker", "shop-web");
        assertThat(objects)
                .filteredOn(o -> o instanceof TriggerAuthentication)
                .extracting(o -> o.getMetadata().getName())
                .containsExactly("shop-worker-kafka");
    }

    @Test
    void withoutKedaEveryAutoscaledServiceGetsAnHpaAndOneThatWouldScaleToZeroKeepsOnePod() {
        List<HasMetadata> objects =
                AppStackResources.desired(SHOP, PlatformSettings.defaults(), BindingChecksums.placeholder());
        assertThat(objects).noneMatch(o -> o instanceof ScaledObject || o instanceof TriggerAuthentication);
        HorizontalPodAutoscaler worker =
                Autoscalers.desired(SHOP, ScaledStacks.worker(), false).orElseThrow();
        assertThat(worker.getSpec().getMinReplicas()).isEqualTo(1);
        assertThat(worker.getSpec().getMaxReplicas()).isEqualTo(12);
        assertThat(Autoscalers.desired(SHOP, ScaledStacks.worker(), true)).isEmpty();
    }

    @Test
    void withoutKedaTheAutoscalingComponentSaysWhichServicesLoseTheirTriggersWithoutHoldingReadinessBack() {
        ComponentStatus component = AutoscalingStatus.of(SHOP, false).orElseThrow();
        assertThat(component.component()).isEqualTo("Autoscaling");
        assertThat(component.holds()).isFalse();
        assertThat(component.reason()).isEqualTo("KedaNotInstalled");
        assertThat(component.message())
                .contains("services worker, web are not used")
                .contains("keep at least 1 pod")
                .contains("Install KEDA");
        assertThat(AutoscalingStatus.of(SHOP, true).orElseThrow().holds()).isTrue();
        assertThat(AutoscalingStatus.of(ScaledStacks.shop("team", ScaledStacks.api()), false))
                .as("a stack without triggers has no Autoscaling component")
                .isEmpty();
    }

    @Test
    void aScaledObjectKedaReportsNotReadyMakesTheComponentSayWhyWithKedasOwnWords() {
        ScaledObject worker = ScaledObjects.desired(
                        SHOP, ScaledStacks.worker(), KafkaClientSecurity.assumed(KafkaAuthentication.SCRAM_SHA_512))
                .orElseThrow();
        worker.setStatus(new ScaledObjectStatus(List.of(new io.fabric8.kubernetes.api.model.ConditionBuilder()
                .withType("Ready")
                .withStatus("False")
                .withReason("ScaledObjectCheckFailed")
                .withMessage("error connecting to Kafka")
                .build())));
        ComponentStatus component = AutoscalingStatus.of(SHOP, true, java.util.Map.of("worker", worker))
                .orElseThrow();
        assertThat(component.holds()).isFalse();
        assertThat(component.reason()).isEqualTo("ScaledObjectNotReady");
        assertThat(component.message())
                .isEqualTo("service worker: ScaledObject shop-worker is not ready: ScaledObjectCheckFailed: error"
                        + " connecting to Kafka");
    }
}
