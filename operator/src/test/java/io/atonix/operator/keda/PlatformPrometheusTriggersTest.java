package io.atonix.operator.keda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.AutoscaleTrigger;
import io.atonix.api.v1beta1.appstack.PrometheusTrigger;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.PrometheusSettings;
import io.atonix.operator.common.SpecProblem;
import io.atonix.operator.kafka.KafkaAuthentication;
import io.atonix.operator.keda.ScaledObjectSpec.AuthenticationRef;
import io.atonix.operator.keda.ScaledObjectSpec.Trigger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prometheus triggers against the platform's Prometheus, whose credentials only a ClusterTriggerAuthentication holds. */
class PlatformPrometheusTriggersTest {
    static final String PLATFORM = "https://prometheus.monitoring.svc:9091";
    static final PrometheusSettings BEARER_OVER_TLS =
            new PrometheusSettings(PLATFORM, "platform-prometheus", List.of("bearer", "tls"));

    static ServiceSpec web(String serverAddress) {
        return TestStacks.withAutoscale(
                TestStacks.service("web", "acme/web:1", 8080),
                new Autoscale(
                        1,
                        5,
                        null,
                        null,
                        List.of(new AutoscaleTrigger(
                                "requests",
                                null,
                                null,
                                new PrometheusTrigger(
                                        serverAddress, "sum(rate(http_requests_total[2m]))", "50", null)))));
    }

    private static Trigger trigger(ServiceSpec service, PrometheusSettings platform) {
        AppStack stack = ScaledStacks.shop("team", service);
        KafkaClientSecurity kafka = KafkaClientSecurity.assumed(KafkaAuthentication.SCRAM_SHA_512);
        return ScaledObjects.desired(stack, service, kafka, platform)
                .orElseThrow()
                .getSpec()
                .triggers()
                .get(0);
    }

    @Test
    void aTriggerWithoutServerAsksThePlatformsPrometheusThroughItsClusterTriggerAuthentication() {
        Trigger requests = trigger(web(null), BEARER_OVER_TLS);
        assertThat(requests.metadata())
                .containsEntry("serverAddress", PLATFORM)
                .containsEntry("authModes", "bearer,tls")
                .containsEntry("query", "sum(rate(http_requests_total[2m]))");
        assertThat(requests.authenticationRef())
                .isEqualTo(new AuthenticationRef("platform-prometheus", "ClusterTriggerAuthentication"));
    }

    @Test
    void aTriggerNamingThePlatformsOwnAddressGetsTheSameCredentials() {
        assertThat(trigger(web(PLATFORM), BEARER_OVER_TLS).authenticationRef())
                .isEqualTo(new AuthenticationRef("platform-prometheus", "ClusterTriggerAuthentication"));
    }

    @Test
    void aTriggerNamingAnotherServerNeverGetsThePlatformsCredentials() {
        Trigger requests = trigger(web("http://team-prometheus.team.svc:9090"), BEARER_OVER_TLS);
        assertThat(requests.metadata())
                .containsEntry("serverAddress", "http://team-prometheus.team.svc:9090")
                .doesNotContainKey("authModes");
        assertThat(requests.authenticationRef()).isNull();
    }

    @Test
    void aPlatformAddressWithoutCredentialsIsAskedWithoutAnAuthenticationRef() {
        Trigger requests = trigger(web(null), new PrometheusSettings(PLATFORM, null, List.of()));
        assertThat(requests.metadata()).containsEntry("serverAddress", PLATFORM).doesNotContainKey("authModes");
        assertThat(requests.authenticationRef()).isNull();
    }

    @Test
    void aTriggerWithoutServerIsRefusedWhereThePlatformConfiguredNone() {
        AppStack stack = ScaledStacks.shop("team", web(null));
        assertThat(TriggersValidator.prometheus(stack.getSpec(), PrometheusSettings.none()))
                .extracting(SpecProblem::field)
                .containsExactly("spec.services[0].autoscale.triggers[0].prometheus.serverAddress");
        assertThat(TriggersValidator.prometheus(stack.getSpec(), BEARER_OVER_TLS))
                .isEmpty();
        assertThat(TriggersValidator.prometheus(
                        ScaledStacks.shop("team", web(PLATFORM)).getSpec(), PrometheusSettings.none()))
                .isEmpty();
    }

    @Test
    void settingsKedaWouldRefuseStopTheOperatorAtStartWithTheSettingToFix() {
        assertThatThrownBy(() -> new PrometheusSettings(PLATFORM, "p", List.of("bearer", "basic")))
                .hasMessageContaining("one of bearer and basic");
        assertThatThrownBy(() -> new PrometheusSettings(PLATFORM, "p", List.of("oauth")))
                .hasMessageContaining("not 'oauth'");
        assertThatThrownBy(() -> new PrometheusSettings(PLATFORM, "p", List.of()))
                .hasMessageContaining("atonix.keda.prometheus.auth-modes");
        assertThatThrownBy(() -> new PrometheusSettings(PLATFORM, null, List.of("tls")))
                .hasMessageContaining("atonix.keda.prometheus.authentication-name");
        assertThatThrownBy(() -> new PrometheusSettings("prometheus:9090", null, List.of()))
                .hasMessageContaining("http or https URL");
        assertThat(PrometheusSettings.modes(" tls, Basic ,")).containsExactly("tls", "basic");
    }
}
