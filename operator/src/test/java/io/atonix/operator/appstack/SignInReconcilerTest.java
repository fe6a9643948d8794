package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.SignInStacks.GROUPS;
import static io.atonix.operator.appstack.SignInStacks.shop;
import static io.atonix.operator.appstack.SignInStacks.withAuth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.AuthSpec;
import io.atonix.api.v1beta1.appstack.EdgeAuth;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.OidcProvider;
import io.atonix.operator.common.Updates;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-in at the edge against the mock API server: the operator runs the proxies, keeps their cookie secrets, and removes a proxy no longer wanted. */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class SignInReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String NS = "signin";

    @Inject
    KubernetesClient client;

    @Test
    void protectedServicesGetAProxyWhoseCookieSecretSurvivesChangesAndWhichGoesWithTheSignIn() {
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("shop-oidc")
                        .withNamespace(NS)
                        .endMetadata()
                        .withStringData(Map.of("client-secret", "s3cret"))
                        .build())
                .create();
        AppStack stack = shop(GROUPS, EgressMode.Open);
        stack.getMetadata().setNamespace(NS);
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();

        await().atMost(TIMEOUT).until(() -> deployment("shop-web-auth") != null && deployment("shop-api-auth") != null);
        assertThat(client.services().inNamespace(NS).withName("shop-web-auth").get())
                .isNotNull();
        assertThat(client.serviceAccounts()
                        .inNamespace(NS)
                        .withName("shop-web-auth")
                        .get())
                .isNotNull();
        assertThat(deployment("shop-docs-auth")).as("docs does not sign in").isNull();
        Secret cookie = cookie("shop-web-auth-cookie");
        assertThat(cookie).isNotNull();
        String secret = cookie.getData().get(AuthProxies.COOKIE_SECRET_KEY);
        await().atMost(TIMEOUT).until(() -> ingress() != null);
        assertThat(backends(ingress())).contains("shop-web-auth", "shop-api-auth", "shop-docs");

        // Who may pass changes: the proxy's command line follows, its cookie secret stays.
        OidcProvider admins = new OidcProvider(
                GROUPS.issuerURL(), GROUPS.clientID(), GROUPS.clientSecretRef(), List.of("admins"), null);
        Updates.change(client, AppStack.class, NS, "shop", s -> s.setSpec(withProvider(s.getSpec(), admins)));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(args("shop-web-auth"))
                        .contains("--allowed-group=admins")
                        .doesNotContain("--allowed-group=staff"));
        assertThat(cookie("shop-web-auth-cookie").getData().get(AuthProxies.COOKIE_SECRET_KEY))
                .isEqualTo(secret);

        // web no longer signs in: its proxy goes and the edge reaches it directly again.
        Updates.change(client, AppStack.class, NS, "shop", s -> s.setSpec(withoutWebSignIn(s.getSpec())));
        await().atMost(TIMEOUT).until(() -> deployment("shop-web-auth") == null);
        await().atMost(TIMEOUT).until(() -> cookie("shop-web-auth-cookie") == null);
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(backends(ingress())).contains("shop-web").doesNotContain("shop-web-auth"));
        assertThat(deployment("shop-api-auth")).isNotNull();
    }

    private static AppStackSpec withProvider(AppStackSpec spec, OidcProvider oidc) {
        return new AppStackSpec(
                spec.services(),
                spec.postgres(),
                spec.redis(),
                spec.kafka(),
                spec.monitoring(),
                spec.networkPolicy(),
                spec.deletionPolicy(),
                spec.imagePullSecrets(),
                spec.hosts(),
                spec.ingress(),
                new AuthSpec(oidc));
    }

    private static AppStackSpec withoutWebSignIn(AppStackSpec spec) {
        return new AppStackSpec(
                spec.services().stream()
                        .map(s -> s.name().equals("web") ? withAuth(s, EdgeAuth.None) : s)
                        .toList(),
                spec.postgres(),
                spec.redis(),
                spec.kafka(),
                spec.monitoring(),
                spec.networkPolicy(),
                spec.deletionPolicy(),
                spec.imagePullSecrets(),
                spec.hosts(),
                spec.ingress(),
                spec.auth());
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private List<String> args(String name) {
        return deployment(name)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs();
    }

    private Secret cookie(String name) {
        return client.secrets().inNamespace(NS).withName(name).get();
    }

    private Ingress ingress() {
        return client.network()
                .v1()
                .ingresses()
                .inNamespace(NS)
                .withName("shop")
                .get();
    }

    private static List<String> backends(Ingress ingress) {
        return ingress.getSpec().getRules().stream()
                .flatMap(r -> r.getHttp().getPaths().stream())
                .map(p -> p.getBackend().getService().getName())
                .distinct()
                .toList();
    }
}
