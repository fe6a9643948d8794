package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.SignInStacks.GROUPS;
import static io.atonix.operator.appstack.SignInStacks.shop;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInStatusTest {
    private final AppStack stack = shop(GROUPS, EgressMode.Open);

    @Test
    void aStackWhoseServicesAllLetRequestsThroughHasNoSignInComponent() {
        assertThat(SignInStatus.of(
                        TestStacks.stack("ns", "plain", TestStacks.service("web", "acme/web", 8080)), Map.of()))
                .isEmpty();
    }

    @Test
    void proxiesNotCreatedYetHoldTheStackBackNamingTheirServices() {
        ComponentStatus component = SignInStatus.of(stack, Map.of()).orElseThrow();

        assertThat(component.holds()).isFalse();
        assertThat(component.reason()).isEqualTo(SignInStatus.REASON_NOT_READY);
        assertThat(component.message())
                .contains("service web: oauth2-proxy shop-web-auth is not created yet")
                .contains("service api: oauth2-proxy shop-api-auth is not created yet");
    }

    @Test
    void aProxyWithoutItsReadyPodsSaysSoAndNamesTheProviderItMayNotReach() {
        ComponentStatus component = SignInStatus.of(stack, Map.of("web", proxy("web", 2), "api", proxy("api", 1)))
                .orElseThrow();

        assertThat(component.holds()).isFalse();
        assertThat(component.message())
                .doesNotContain("service web")
                .contains("service api: oauth2-proxy shop-api-auth has 1/2 pods ready")
                .contains(GROUPS.issuerURL());
    }

    @Test
    void everyProxyRolledOutMakesTheComponentReady() {
        ComponentStatus component = SignInStatus.of(stack, Map.of("web", proxy("web", 2), "api", proxy("api", 2)))
                .orElseThrow();

        assertThat(component.holds()).isTrue();
        assertThat(component.message()).isEqualTo("2/2 sign-in proxies ready");
    }

    private Deployment proxy(String service, int available) {
        Deployment deployment = AuthProxyDeployments.desired(
                stack,
                stack.getSpec().services().stream()
                        .filter(s -> s.name().equals(service))
                        .findFirst()
                        .orElseThrow());
        deployment.getMetadata().setGeneration(1L);
        deployment.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(1L)
                .withReplicas(2)
                .withUpdatedReplicas(2)
                .withReadyReplicas(available)
                .withAvailableReplicas(available)
                .build());
        return deployment;
    }
}
