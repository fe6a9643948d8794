package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.IssuerKind;
import io.atonix.api.v1beta1.appstack.PathType;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.appstack.AppStackStatusBuilder;
import io.atonix.operator.appstack.CertificatesStatus;
import io.atonix.operator.appstack.GatewayPaths;
import io.atonix.operator.appstack.HttpRoutes;
import io.atonix.operator.appstack.RoutesStatus;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.EdgeSettings;
import io.atonix.operator.common.Updates;
import io.atonix.operator.edge.Certificate;
import io.atonix.operator.edge.CertificateStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The edge on a real API server with the real CRDs of cert-manager v1.21.2 and the Gateway API v1.6.3: the packaged
 * operator, with the chart's rights, in Gateway mode. Every Certificate and HTTPRoute it writes passes the server's
 * schema and CEL rules; the test then plays cert-manager and the Gateway's controller by writing the status they
 * report, and the stack's status follows.
 */
@ExtendWith(RealCluster.class)
class EdgeOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String GATEWAY = "public";
    private static final String CONTROLLER = "example.com/played-gateway";

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static ClassCrds apis;
    private static OperatorProcess operator;
    private static String gatewayNamespace;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "edge");
        gatewayNamespace = namespaces.plain("gateway");
        // Before the operator starts, which then finds both APIs at its first look.
        apis = EdgeApisOnRealCluster.install(admin);
        admin.resource(new GatewayClassBuilder()
                        .withNewMetadata()
                        .withName(gatewayNamespace)
                        .endMetadata()
                        .withNewSpec()
                        .withControllerName(CONTROLLER)
                        .endSpec()
                        .build())
                .create();
        admin.resource(new GatewayBuilder()
                        .withNewMetadata()
                        .withNamespace(gatewayNamespace)
                        .withName(GATEWAY)
                        .endMetadata()
                        .withNewSpec()
                        .withGatewayClassName(gatewayNamespace)
                        .addNewListener()
                        .withName("http")
                        .withProtocol("HTTP")
                        .withPort(80)
                        .withNewAllowedRoutes()
                        .withNewNamespaces()
                        .withFrom("All")
                        .endNamespaces()
                        .endAllowedRoutes()
                        .endListener()
                        .endSpec()
                        .build())
                .create();
        operator = OperatorProcess.start(
                RealCluster.plane(),
                "edge",
                ChartIdentity.of(RealCluster.plane()),
                Map.of(
                        "ATONIX_EDGE_MODE", "Gateway",
                        "ATONIX_EDGE_GATEWAY_NAMESPACE", gatewayNamespace,
                        "ATONIX_EDGE_GATEWAY_NAME", GATEWAY));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            try {
                if (operator != null) {
                    operator.close();
                }
            } finally {
                if (admin != null) {
                    admin.resources(io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass.class)
                            .withName(gatewayNamespace)
                            .delete();
                }
                if (apis != null) {
                    apis.close();
                }
                if (admin != null) {
                    admin.close();
                }
            }
        }
    }

    @Test
    void theCertificatesAndRoutesTheOperatorWritesPassTheServerAndTheirControllersStatusFlowsIntoTheStack()
            throws Exception {
        String ns = namespaces.restricted("shop");
        create(TestStacks.stack(
                ns,
                "shop",
                List.of(
                        TestStacks.issued("shop.example.com", "letsencrypt", IssuerKind.ClusterIssuer),
                        TestStacks.issued("*.shop.example.com", "team-ca", IssuerKind.Issuer),
                        TestStacks.http("api.example.com")),
                TestStacks.withRoutes(
                        TestStacks.service("web", "nginx:1.27", 8080),
                        TestStacks.route("shop.example.com", "/"),
                        TestStacks.route("*.shop.example.com", "/")),
                TestStacks.withRoutes(
                        TestStacks.service("api", "acme/api:1", 5000),
                        new Route("shop.example.com", "/api", PathType.Prefix),
                        new Route("api.example.com", "/v1/health", PathType.Exact))));
        List<String> routes = List.of(
                "shop-web-shop.example.com",
                "shop-web-wildcard.shop.example.com",
                "shop-api-shop.example.com",
                "shop-api-api.example.com");
        List<String> certificates = List.of("shop-shop.example.com", "shop-wildcard.shop.example.com");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(routes)
                    .allSatisfy(name -> assertThat(route(ns, name)).as(name).isNotNull());
            assertThat(certificates)
                    .allSatisfy(
                            name -> assertThat(certificate(ns, name)).as(name).isNotNull());
        });
        assertThat(admin.network().v1().ingresses().inNamespace(ns).list().getItems())
                .as("no Ingress in Gateway mode")
                .isEmpty();
        assertThat(route(ns, "shop-api-api.example.com")
                        .getSpec()
                        .getRules()
                        .get(0)
                        .getBackendRefs())
                .singleElement()
                .satisfies(b -> assertThat(b.getName() + ":" + b.getPort()).isEqualTo("shop-api:5000"));
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(component(ns, RoutesStatus.COMPONENT).reason())
                                .isEqualTo(RoutesStatus.REASON_PENDING));

        // cert-manager has not issued yet, and the Gateway refuses one route.
        certificates.forEach(name ->
                reportCertificate(ns, name, "False", "DoesNotExist", "Issuing certificate as Secret does not exist"));
        routes.forEach(name -> reportRoute(ns, name, "True", "Accepted", "True", "ResolvedRefs"));
        reportRoute(ns, "shop-api-api.example.com", "False", "NotAllowedByListeners", "True", "ResolvedRefs");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get(ns, "shop");
            assertThat(component(stack, CertificatesStatus.COMPONENT)).satisfies(c -> {
                assertThat(c.reason()).isEqualTo(CertificatesStatus.REASON_NOT_READY);
                assertThat(c.message())
                        .contains("host *.shop.example.com: Certificate shop-wildcard.shop.example.com is not ready:"
                                + " DoesNotExist: Issuing certificate as Secret does not exist");
            });
            assertThat(component(stack, RoutesStatus.COMPONENT)).satisfies(c -> {
                assertThat(c.reason()).isEqualTo(RoutesStatus.REASON_NOT_ACCEPTED);
                assertThat(c.message()).contains("HTTPRoute shop-api-api.example.com: NotAllowedByListeners");
            });
            assertThat(condition(stack, ConditionTypes.READY).status()).isEqualTo("False");
        });

        // A backend the Gateway cannot resolve is the next thing the stack reports.
        reportRoute(ns, "shop-api-api.example.com", "True", "Accepted", "False", "BackendNotFound");
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(component(ns, RoutesStatus.COMPONENT).reason())
                                .isEqualTo(RoutesStatus.REASON_REFS_NOT_RESOLVED));

        // Issued and accepted: with its Deployments available (kwok's pods), the stack is ready.
        certificates.forEach(name -> reportCertificate(ns, name, "True", "Ready", "Certificate is up to date"));
        reportRoute(ns, "shop-api-api.example.com", "True", "Accepted", "True", "ResolvedRefs");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stack = get(ns, "shop");
            assertThat(component(stack, CertificatesStatus.COMPONENT).holds()).isTrue();
            assertThat(component(stack, RoutesStatus.COMPONENT).holds()).isTrue();
            assertThat(condition(stack, ConditionTypes.READY).status()).isEqualTo("True");
        });

        // Steady state: what the servers defaulted in the Certificates and HTTPRoutes (group, kind, weight,
        // cert-manager's
        // fields) is no drift; a reconcile of the unchanged stack, caused by a changed HTTPRoute status, writes
        // nothing.
        AuditLog audit = new AuditLog(RealCluster.plane().auditLog());
        audit.awaitSettled(operator.user(), ns, Duration.ofSeconds(5), TIMEOUT);
        long mark = audit.mark();
        Instant windowStart = Instant.now();
        long before = operator.reconciliationsOf(ns, "shop");
        reportRoute(ns, "shop-web-shop.example.com", "True", "Accepted", "True", "ResolvedRefs");
        assertThat(audit.writesDuring(
                        operator.user(),
                        ns,
                        mark,
                        windowStart,
                        Duration.ofSeconds(10),
                        () -> operator.reconciliationsOf(ns, "shop") > before,
                        TIMEOUT))
                .as("writing requests of the operator while reconciling an unchanged stack")
                .isEmpty();
    }

    /**
     * The paths the operator refuses in Gateway mode (GatewayPaths) are exactly those the Gateway API's HTTPRoute
     * refuses, among paths an AppStack's route takes: each is tried in an HTTPRoute on the real server (dry run).
     */
    @Test
    void theGatewayModesPathRulesAreTheHttpRoutesOwn() {
        String ns = namespaces.plain("paths");
        List<String> paths = List.of(
                "/",
                "/api",
                "/v1.2/~me",
                "/a//b",
                "/a/./b",
                "/a/../b",
                "/up/..",
                "/here/.",
                "/x%2fy",
                "/x%2Fy",
                "/x%20y",
                "/frag#ment",
                "/say\"hi\"",
                "/a|b",
                "/caf\u00e9",
                "/q?x=1",
                "/[v]",
                "/a:b@c",
                "/%zz",
                "/back\\slash");
        for (String path : paths) {
            HTTPRoute route = new io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder()
                    .withNewMetadata()
                    .withNamespace(ns)
                    .withName("path")
                    .endMetadata()
                    .withNewSpec()
                    .addNewRule()
                    .addNewMatch()
                    .withNewPath()
                    .withType("PathPrefix")
                    .withValue(path)
                    .endPath()
                    .endMatch()
                    .endRule()
                    .endSpec()
                    .build();
            boolean refusedByServer;
            try {
                admin.resource(route).dryRun().create();
                refusedByServer = false;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                assertThat(e.getCode()).as(path + ": " + e.getMessage()).isEqualTo(422);
                refusedByServer = true;
            }
            assertThat(GatewayPaths.problem(path) != null)
                    .as("the operator refuses " + path + " as the server does")
                    .isEqualTo(refusedByServer);
        }
    }

    @Test
    void aHostAndPathAnotherStacksHttpRouteServesAreRefused() {
        String first = namespaces.restricted("first");
        String second = namespaces.restricted("second");
        var hosts = List.of(TestStacks.http("taken.example.com"));
        create(TestStacks.stack(
                first,
                "shop",
                hosts,
                TestStacks.withRoutes(
                        TestStacks.service("web", "nginx:1.27", 8080), TestStacks.route("taken.example.com", "/"))));
        await().atMost(TIMEOUT).until(() -> route(first, "shop-web-taken.example.com") != null);
        create(TestStacks.stack(
                second,
                "shop",
                hosts,
                TestStacks.withRoutes(
                        TestStacks.service("web", "nginx:1.27", 8080), TestStacks.route("taken.example.com", "/"))));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Condition ready = condition(get(second, "shop"), ConditionTypes.READY);
            assertThat(ready.reason()).isEqualTo(AppStackStatusBuilder.REASON_INVALID_SPEC);
            assertThat(ready.message())
                    .contains("already served by HTTPRoute " + first + "/shop-web-taken.example.com of another stack");
        });
        assertThat(route(second, "shop-web-taken.example.com")).isNull();
    }

    /** Plays cert-manager: the Certificate's Ready condition for its current generation. */
    private static void reportCertificate(String ns, String name, String status, String reason, String message) {
        Updates.changeStatus(
                admin,
                Certificate.class,
                ns,
                name,
                c -> c.setStatus(new CertificateStatus(
                        List.of(new ConditionBuilder()
                                .withType("Ready")
                                .withStatus(status)
                                .withReason(reason)
                                .withMessage(message)
                                .withObservedGeneration(c.getMetadata().getGeneration())
                                .withLastTransitionTime(now())
                                .build()),
                        null)));
    }

    /** Plays the Gateway's controller: Accepted and ResolvedRefs for the platform's Gateway, at the route's generation. */
    private static void reportRoute(
            String ns, String name, String accepted, String acceptedReason, String resolved, String resolvedReason) {
        Updates.changeStatus(admin, HTTPRoute.class, ns, name, r -> {
            Long generation = r.getMetadata().getGeneration();
            r.setStatus(new HTTPRouteStatusBuilder()
                    .addNewParent()
                    .withControllerName(CONTROLLER)
                    .withParentRef(HttpRoutes.parent(new EdgeSettings.GatewayRef(gatewayNamespace, GATEWAY, null)))
                    .withConditions(
                            new ConditionBuilder()
                                    .withType("Accepted")
                                    .withStatus(accepted)
                                    .withReason(acceptedReason)
                                    .withMessage("")
                                    .withObservedGeneration(generation)
                                    .withLastTransitionTime(now())
                                    .build(),
                            new ConditionBuilder()
                                    .withType("ResolvedRefs")
                                    .withStatus(resolved)
                                    .withReason(resolvedReason)
                                    .withMessage("")
                                    .withObservedGeneration(generation)
                                    .withLastTransitionTime(now())
                                    .build())
                    .endParent()
                    .build());
        });
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static HTTPRoute route(String ns, String name) {
        return admin.resources(HTTPRoute.class).inNamespace(ns).withName(name).get();
    }

    private static Certificate certificate(String ns, String name) {
        return admin.resources(Certificate.class).inNamespace(ns).withName(name).get();
    }

    private static void create(AppStack stack) {
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        admin.resource(stack).create();
    }

    private static AppStack get(String ns, String name) {
        return admin.resources(AppStack.class).inNamespace(ns).withName(name).get();
    }

    private static ComponentStatus component(String ns, String component) {
        return component(get(ns, "shop"), component);
    }

    private static ComponentStatus component(AppStack stack, String component) {
        assertThat(stack.getStatus())
                .as("status of " + stack.getMetadata().getName())
                .isNotNull();
        return stack.getStatus().components().stream()
                .filter(c -> c.component().equals(component))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no component " + component + " in " + stack.getStatus()));
    }

    private static Condition condition(AppStack stack, String type) {
        assertThat(stack.getStatus())
                .as("status of " + stack.getMetadata().getName())
                .isNotNull();
        return Conditions.find(stack.getStatus().conditions(), type).orElseThrow();
    }
}
