package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.appstack.SignInStatus;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.realcluster.OperatorProcess;
import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in at the edge for real: the packaged operator reconciles a stack whose web service signs people in (auth
 * Browser) and whose api service takes bearer tokens (auth Bearer) against an OpenID Connect provider on loopback
 * (mockoidc over HTTPS, {@link OidcTestProvider}). The data plane runs each oauth2-proxy the operator wrote as
 * oauth2-proxy itself, at the image's version, with exactly the args, env and Secrets of its Deployment, in front of
 * the probe application. A browser or client plays the edge ({@link EdgeBrowser}): what reaches the probe is what got
 * through, and the probe says as whom. A second stack names a provider nobody serves: its proxy never becomes ready,
 * and its status says so.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class SignInAtTheEdgeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String STACK = "shop";
    private static final String HOST = "shop.example.com";
    private static final String CLIENT = "shop";

    private static KubernetesClient admin;
    private static OperatorProcess operator;
    private static OwnNamespaces namespaces;
    private static String namespace;
    private static OidcTestProvider provider;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-signin");
        namespace = namespaces.restricted("shop");
        DataPlane.admit(admin, namespace);
        OAuth2ProxyImage.binary();
        String clientSecret = "client-secret-of-" + namespace;
        provider = OidcTestProvider.start(CLIENT, clientSecret, DataPlane.trustedCaFile());
        admin.resource(secret("shop-oidc", "Opaque", Map.of("client-secret", clientSecret)))
                .create();
        admin.resource(secret("shop-tls", "kubernetes.io/tls", Map.of("tls.crt", "played", "tls.key", "played")))
                .create();
        operator = OperatorProcess.start(RealCluster.plane(), "dp-signin");
        create(resource("/dataplane/signin-stack.yaml").replace("ISSUER_URL", provider.issuer()));
        create(resource("/dataplane/signin-unreachable-stack.yaml"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (String service : List.of("web", "api")) {
                assertThat(readyPods(Labels.authProxySelector(STACK, service)))
                        .as(service + "'s oauth2-proxy pods ready")
                        .hasSize(2);
                List<String> ready = readyPods(Labels.serviceSelector(STACK, service)).stream()
                        .map(pod -> pod.getStatus().getPodIP())
                        .toList();
                assertThat(ready).as(service + "'s pods ready").isNotEmpty();
                // The proxies reach the service by its Service's name: its endpoints must name the ready pods.
                assertThat(DataPlane.serviceAddresses(Names.serviceHost(Names.service(STACK, service), namespace)))
                        .as(service + "'s Service resolves to its ready pods")
                        .containsExactlyInAnyOrderElementsOf(ready);
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            if (operator != null) {
                operator.close();
            }
            if (provider != null) {
                provider.close();
            }
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void theStackIsReadyWithItsSignInComponentOnceEveryProxyIsAndOneWhoseProviderIsUnreachableSaysSo() {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(component(STACK)).satisfies(c -> assertThat(c.holds()).isTrue());
            assertThat(ready(STACK)).isTrue();
        });
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(component("attic"))
                        .satisfies(c -> assertThat(c.reason()).isEqualTo(SignInStatus.REASON_NOT_READY))
                        .satisfies(c -> assertThat(c.message())
                                .contains("oauth2-proxy attic-web-auth has 0/2 pods ready")
                                .contains("https://127.42.0.1:9/oidc")));
        assertThat(ready("attic")).isFalse();
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheProviderAndComesBackSignedInToThePageItAskedFor() throws Exception {
        EdgeBrowser browser = browser("web");

        EdgeBrowser.Page first = browser.get("https://" + HOST + "/orders", Map.of());

        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location())
                .startsWith(provider.issuer() + "/authorize?")
                .contains("client_id=" + CLIENT)
                .contains("redirect_uri=https%3A%2F%2F" + HOST + "%2Foauth2%2Fweb%2Fcallback");
        EdgeBrowser.Page signedIn = browser.open("/orders");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body().strip()).isEqualTo("GET /orders as " + OidcTestProvider.DEFAULT_EMAIL);
        assertThat(browser.open("/cart").body().strip()).isEqualTo("GET /cart as " + OidcTestProvider.DEFAULT_EMAIL);
    }

    @Test
    void aUserOutsideTheAllowedGroupsSignsInAtTheProviderButIsRefusedWith403() throws Exception {
        provider.signsInNext("sam", "sam@example.com", List.of("sales"));

        EdgeBrowser.Page page = browser("web").open("/orders");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("GET /orders as");
    }

    @Test
    void aBearerTokenOfTheIssuerForTheClientReachesTheServiceWithoutARedirect() throws Exception {
        EdgeBrowser.Page page = bearer(token(CLIENT, Instant.now().plusSeconds(300), List.of("engineering")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().strip()).isEqualTo("GET /api/orders as ada@example.com");
    }

    @Test
    void aRequestWithoutATokenOrWithOneForAnotherAudienceOrExpiredGets401AndOneOfAnotherGroup403() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        List<String> allowed = List.of("engineering");

        assertThat(browser("api").get("https://" + HOST + "/api/orders", Map.of()))
                .as("no token: 401, not a redirect to the provider")
                .satisfies(page -> assertThat(page.status()).isEqualTo(401))
                .satisfies(page -> assertThat(page.location()).isNull());
        assertThat(bearer(token("billing", later, allowed)).status())
                .as("another audience")
                .isEqualTo(401);
        assertThat(bearer(token(CLIENT, Instant.now().minusSeconds(60), allowed))
                        .status())
                .as("expired")
                .isEqualTo(401);
        assertThat(bearer(token(CLIENT, later, List.of("sales"))).status())
                .as("of a group not allowed")
                .isEqualTo(403);
    }

    private static ComponentStatus component(String stack) {
        AppStack stored = admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(stack)
                .get();
        return stored.getStatus().components().stream()
                .filter(c -> c.component().equals(SignInStatus.COMPONENT))
                .findFirst()
                .orElseThrow(() -> new AssertionError(stack + " has no SignIn component yet"));
    }

    private static boolean ready(String stack) {
        AppStack stored = admin.resources(AppStack.class)
                .inNamespace(namespace)
                .withName(stack)
                .get();
        return Conditions.find(stored.getStatus().conditions(), ConditionTypes.READY)
                .map(Condition::holds)
                .orElse(false);
    }

    private static String resource(String path) throws Exception {
        try (var in = SignInAtTheEdgeIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void create(String yaml) {
        admin.resources(AppStack.class)
                .inNamespace(namespace)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .create();
    }

    private static EdgeBrowser.Page bearer(String token) throws Exception {
        return browser("api").get("https://" + HOST + "/api/orders", Map.of("Authorization", "Bearer " + token));
    }

    private static String token(String audience, Instant expiry, List<String> groups) throws Exception {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", provider.issuer());
        claims.put("aud", audience);
        claims.put("sub", "ada");
        claims.put("email", "ada@example.com");
        claims.put("email_verified", true);
        claims.put("groups", groups);
        claims.put("iat", expiry.minusSeconds(600).getEpochSecond());
        claims.put("exp", expiry.getEpochSecond());
        return provider.token(claims);
    }

    /** A browser whose requests for the host reach one of {@code service}'s oauth2-proxy pods, as the edge routes. */
    private static EdgeBrowser browser(String service) throws Exception {
        Pod proxy = readyPods(Labels.authProxySelector(STACK, service)).get(0);
        return new EdgeBrowser(
                HOST, proxy.getStatus().getPodIP() + ":" + OAuth2ProxyImage.PORT, DataPlane.trustedCaFile());
    }

    private static List<Pod> readyPods(Map<String, String> selector) {
        return admin.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .filter(pod -> pod.getStatus().getConditions().stream()
                        .anyMatch(c ->
                                c.getType().equals("Ready") && c.getStatus().equals("True")))
                .toList();
    }

    private static io.fabric8.kubernetes.api.model.Secret secret(String name, String type, Map<String, String> data) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withType(type)
                .withStringData(data)
                .build();
    }
}
