package io.atonix.operator.keda;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.kafka.KafkaAuthentication;
import io.atonix.operator.keda.ScaledObjectSpec.Trigger;
import io.atonix.operator.keda.TriggerAuthenticationSpec.SecretTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaledObjectsTest {
    private static final AppStack SHOP = ScaledStacks.shop("team");
    private static final KafkaClientSecurity SCRAM_OVER_TLS =
            KafkaClientSecurity.assumed(KafkaAuthentication.SCRAM_SHA_512);

    @Test
    void aWorkerWithALagTriggerScalesItsDeploymentFromZeroOnTheLagOfItsOwnConsumerGroup() {
        ScaledObject scaled = ScaledObjects.desired(SHOP, ScaledStacks.worker(), SCRAM_OVER_TLS)
                .orElseThrow();
        assertThat(scaled.getMetadata().getName()).isEqualTo("shop-worker");
        assertThat(scaled.getMetadata().getNamespace()).isEqualTo("team");
        assertThat(scaled.getMetadata().getLabels())
                .containsEntry("atonix.io/stack", "shop")
                .containsEntry("atonix.io/service", "worker");
        assertThat(scaled.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getKind() + "/" + o.getName()).isEqualTo("AppStack/shop"));
        assertThat(scaled.getMetadata().getAnnotations())
                .as("KEDA's own HPA must not look like one of the operator's")
                .containsEntry("scaledobject.keda.sh/hpa-excluded-labels", "app.kubernetes.io/managed-by");
        ScaledObjectSpec spec = scaled.getSpec();
        assertThat(spec.scaleTargetRef())
                .isEqualTo(new ScaledObjectSpec.ScaleTarget("apps/v1", "Deployment", "shop-worker", "app"));
        assertThat(spec.minReplicaCount()).isZero();
        assertThat(spec.maxReplicaCount()).isEqualTo(12);
        Trigger lag = spec.triggers().get(0);
        assertThat(lag.type()).isEqualTo("kafka");
        assertThat(lag.name()).isEqualTo("orders-lag");
        assertThat(lag.metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "bootstrapServersFromEnv", "KAFKA_BOOTSTRAP_SERVERS",
                        "consumerGroup", "team.shop.worker",
                        "topic", "team.shop.orders",
                        "lagThreshold", "50",
                        "activationLagThreshold", "0",
                        "tls", "enable",
                        "sasl", "scram_sha512"));
        assertThat(lag.authenticationRef().name()).isEqualTo("shop-worker-kafka");
        assertThat(spec.triggers().get(1))
                .as("CPU as the HPA would use it, unnamed so that no trigger name of the spec collides")
                .isEqualTo(new Trigger("cpu", null, "Utilization", Map.of("value", "80"), null));
        assertThat(spec.triggers()).hasSize(2);
    }

    @Test
    void theTriggerAuthenticationReadsOnlyTheServicesOwnKafkaBindingSecret() {
        TriggerAuthentication authentication = TriggerAuthentications.desired(
                        SHOP, ScaledStacks.worker(), SCRAM_OVER_TLS)
                .orElseThrow();
        assertThat(authentication.getMetadata().getName()).isEqualTo("shop-worker-kafka");
        assertThat(authentication.getSpec().secretTargetRef())
                .extracting(SecretTarget::parameter, SecretTarget::name, SecretTarget::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("username", "shop-kafka-worker-events-login", "username"),
                        org.assertj.core.groups.Tuple.tuple("password", "shop-kafka-worker-events-login", "password"),
                        org.assertj.core.groups.Tuple.tuple("ca", "shop-kafka-worker-events-login", "ca.crt"));
    }

    @Test
    void aUserOfAMutualTlsListenerSignsInWithItsClientCertificateAndNoSasl() {
        KafkaClientSecurity tls = KafkaClientSecurity.assumed(KafkaAuthentication.TLS);
        assertThat(TriggerAuthentications.desired(SHOP, ScaledStacks.worker(), tls)
                        .orElseThrow()
                        .getSpec()
                        .secretTargetRef())
                .extracting(SecretTarget::parameter, SecretTarget::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cert", "user.crt"),
                        org.assertj.core.groups.Tuple.tuple("key", "user.key"),
                        org.assertj.core.groups.Tuple.tuple("ca", "ca.crt"));
        Trigger lag = ScaledObjects.desired(SHOP, ScaledStacks.worker(), tls)
                .orElseThrow()
                .getSpec()
                .triggers()
                .get(0);
        assertThat(lag.metadata()).containsEntry("tls", "enable").doesNotContainKey("sasl");
    }

    @Test
    void onAPlainListenerTlsIsDisabledAndNoCaIsRead() {
        KafkaClientSecurity plain = new KafkaClientSecurity(false, true, false);
        assertThat(ScaledObjects.desired(SHOP, ScaledStacks.worker(), plain)
                        .orElseThrow()
                        .getSpec()
                        .triggers()
                        .get(0)
                        .metadata())
                .containsEntry("tls", "disable")
                .containsEntry("sasl", "scram_sha512");
        assertThat(TriggerAuthentications.desired(SHOP, ScaledStacks.worker(), plain)
                        .orElseThrow()
                        .getSpec()
                        .secretTargetRef())
                .extracting(SecretTarget::parameter)
                .containsExactly("username", "password");
    }

    @Test
    void cronAndPrometheusTriggersCarryTheirFieldsAndMemoryJoinsCpuWhenSet() {
        ScaledObject scaled =
                ScaledObjects.desired(SHOP, ScaledStacks.web(), SCRAM_OVER_TLS).orElseThrow();
        assertThat(scaled.getSpec().minReplicaCount()).isEqualTo(1);
        assertThat(scaled.getSpec().triggers())
                .containsExactly(
                        new Trigger(
                                "prometheus",
                                "requests",
                                null,
                                Map.of(
                                        "serverAddress", ScaledStacks.PROMETHEUS,
                                        "query", "sum(rate(http_requests_total{service=\"web\"}[2m]))",
                                        "threshold", "50",
                                        "activationThreshold", "1"),
                                null),
                        new Trigger(
                                "cron",
                                "office-hours",
                                null,
                                Map.of(
                                        "timezone", "Europe/Berlin",
                                        "start", "0 8 * * 1-5",
                                        "end", "0 18 * * 1-5",
                                        "desiredReplicas", "2"),
                                null),
                        new Trigger("cpu", null, "Utilization", Map.of("value", "70"), null),
                        new Trigger("memory", null, "Utilization", Map.of("value", "80"), null));
        assertThat(TriggerAuthentications.desired(SHOP, ScaledStacks.web(), SCRAM_OVER_TLS))
                .as("no Kafka lag trigger, no credentials")
                .isEmpty();
    }

    @Test
    void aServiceWithoutTriggersGetsNoScaledObject() {
        ServiceSpec api = ScaledStacks.api();
        assertThat(ScaledObjects.desired(SHOP, api, SCRAM_OVER_TLS)).isEmpty();
        assertThat(TriggerAuthentications.desired(SHOP, api, SCRAM_OVER_TLS)).isEmpty();
    }
}
