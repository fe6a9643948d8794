package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.SignInStacks.EMAILS;
import static io.atonix.operator.appstack.SignInStacks.GROUPS;
import static io.atonix.operator.appstack.SignInStacks.shop;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The oauth2-proxy in front of each service that signs in at the edge: its objects and its command line. */
class AuthProxiesTest {
    private static final AppStack SHOP = shop(GROUPS, EgressMode.Open);

    private static ServiceSpec service(AppStack stack, String name) {
        return stack.getSpec().services().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void onlyServicesThatSignInGetAProxyWithServiceAccountCookieSecretDeploymentAndService() {
        List<HasMetadata> objects = AuthProxies.desired(SHOP, () -> "c".repeat(32));
        assertThat(objects)
                .extracting(o -> o.getKind() + " " + o.getMetadata().getName())
                .containsExactly(
                        "ServiceAccount shop-web-auth",
                        "Secret shop-web-auth-cookie",
                        "Deployment shop-web-auth",
                        "Service shop-web-auth",
                        "ServiceAccount shop-api-auth",
                        "Secret shop-api-auth-cookie",
                        "Deployment shop-api-auth",
                        "Service shop-api-auth");
        assertThat(objects).allSatisfy(o -> {
            assertThat(o.getMetadata().getNamespace()).isEqualTo("ns");
            assertThat(o.getMetadata().getLabels())
                    .containsEntry(Labels.STACK, "shop")
                    .doesNotContainKey(Labels.SERVICE);
            assertThat(o.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(r -> assertThat(r.getName()).isEqualTo("shop"));
        });
    }

    @Test
    void theCookieSecretIsGeneratedByTheSupplierTheCallerGives() {
        Secret cookie = AuthProxies.cookieSecret(SHOP, service(SHOP, "web"), () -> "x".repeat(32));
        assertThat(cookie.getStringData()).containsExactlyEntriesOf(java.util.Map.of("cookie-secret", "x".repeat(32)));
    }

    @Test
    void aBrowserProxySignsInWithTheProviderAndRedirectsWithoutASession() {
        Container proxy = container(AuthProxyDeployments.desired(SHOP, service(SHOP, "web")));
        assertThat(proxy.getImage()).isEqualTo("quay.io/oauth2-proxy/oauth2-proxy:v7.15.6");
        assertThat(proxy.getArgs())
                .containsExactly(
                        "--http-address=0.0.0.0:4180",
                        "--provider=oidc",
                        "--oidc-issuer-url=https://id.example.com/realms/shop",
                        "--client-id=shop",
                        "--upstream=http://shop-web.ns.svc:8080/",
                        "--reverse-proxy=true",
                        "--proxy-prefix=/oauth2/web",
                        "--cookie-name=_shop-web-auth",
                        "--cookie-secure=true",
                        "--email-domain=*",
                        "--allowed-group=staff",
                        "--allowed-group=admins",
                        "--skip-provider-button=true");
    }

    @Test
    void aBearerProxyAcceptsJwtsForTheClientIdAndAnswers401InsteadOfRedirecting() {
        Container proxy = container(AuthProxyDeployments.desired(SHOP, service(SHOP, "api")));
        assertThat(proxy.getArgs())
                .contains("--upstream=http://shop-api.ns.svc:5000/", "--client-id=shop")
                .contains("--skip-jwt-bearer-tokens=true", "--api-route=^/")
                .doesNotContain("--skip-provider-button=true");
    }

    @Test
    void theClientSecretAndCookieSecretComeFromSecretsNotFromThePodSpec() {
        Container proxy = container(AuthProxyDeployments.desired(SHOP, service(SHOP, "web")));
        assertThat(proxy.getEnv()).hasSize(2);
        assertThat(proxy.getEnv().get(0).getName()).isEqualTo("OAUTH2_PROXY_CLIENT_SECRET");
        assertThat(proxy.getEnv().get(0).getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("shop-oidc");
        assertThat(proxy.getEnv().get(0).getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo("client-secret");
        assertThat(proxy.getEnv().get(1).getName()).isEqualTo("OAUTH2_PROXY_COOKIE_SECRET");
        assertThat(proxy.getEnv().get(1).getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("shop-web-auth-cookie");
        assertThat(proxy.getEnv().get(1).getValueFrom().getSecretKeyRef().getKey())
                .isEqualTo("cookie-secret");
        assertThat(proxy.getEnv()).allSatisfy(e -> assertThat(e.getValue()).isNull());
    }

    @Test
    void allowedEmailsReachTheProxyAsAFileFromAConfigMap() {
        AppStack stack = shop(EMAILS, EgressMode.Open);
        ConfigMap emails = AuthProxies.emails(stack, service(stack, "web")).orElseThrow();
        assertThat(emails.getMetadata().getName()).isEqualTo("shop-web-auth-emails");
        assertThat(emails.getData()).containsEntry("emails", "ann@example.com\nbob@example.com\n");
        Deployment deployment = AuthProxyDeployments.desired(stack, service(stack, "web"));
        Container proxy = container(deployment);
        assertThat(proxy.getArgs())
                .contains("--authenticated-emails-file=/etc/oauth2-proxy/emails")
                .doesNotContain("--email-domain=*")
                .noneMatch(a -> a.startsWith("--allowed-group"));
        assertThat(proxy.getVolumeMounts())
                .singleElement()
                .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/etc/oauth2-proxy"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                .singleElement()
                .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("shop-web-auth-emails"));
        assertThat(AuthProxies.emails(SHOP, service(SHOP, "web"))).isEmpty();
    }

    @Test
    void theProxyPodMeetsTheRestrictedProfileAndCarriesNoLabelThatTheServicesServiceSelects() {
        Deployment deployment = AuthProxyDeployments.desired(SHOP, service(SHOP, "web"));
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getServiceAccountName()).isEqualTo("shop-web-auth");
        var security = container(deployment).getSecurityContext();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels())
                .doesNotContainKeys(Labels.SERVICE, Labels.STACK);
    }

    @Test
    void theProxysServiceSelectsItsPodsOnPort4180() {
        Service service = AuthProxies.service(SHOP, service(SHOP, "web"));
        assertThat(service.getSpec().getSelector())
                .containsExactlyEntriesOf(AuthProxyDeployments.desired(SHOP, service(SHOP, "web"))
                        .getSpec()
                        .getSelector()
                        .getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(4180);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    @Test
    void theProxysNameStaysADnsLabelForTheLongestStackAndServiceNames() {
        String stack = "s".repeat(30);
        String service = "w".repeat(30);
        String name = io.atonix.operator.common.Names.authProxy(stack, service);
        assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith("sss").endsWith("-auth");
        assertThat(name).isNotEqualTo(io.atonix.operator.common.Names.authProxy(stack, "w".repeat(29) + "x"));
        assertThat(io.atonix.operator.common.Names.authProxy("shop", "web")).isEqualTo("shop-web-auth");
    }

    @Test
    void withoutAProviderNoServiceIsProtected() {
        AppStack stack = shop(null, EgressMode.Open);
        assertThat(AuthProxies.protectedServices(stack)).isEmpty();
        assertThat(AuthProxies.desired(stack, () -> "c")).isEmpty();
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
