package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.route;
import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.withRoutes;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.AuthSpec;
import io.atonix.api.v1beta1.appstack.EdgeAuth;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.OidcProvider;
import io.atonix.api.v1beta1.appstack.SecretKey;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import java.util.List;

/** Stacks whose services sign in at the edge, for the tests of the oauth2-proxy builders. */
final class SignInStacks {
    static final OidcProvider GROUPS = new OidcProvider(
            "https://id.example.com/realms/shop",
            "shop",
            new SecretKey("shop-oidc", "client-secret"),
            List.of("staff", "admins"),
            null);
    static final OidcProvider EMAILS = new OidcProvider(
            "https://id.example.com/realms/shop",
            "shop",
            new SecretKey("shop-oidc", "client-secret"),
            null,
            List.of("ann@example.com", "bob@example.com"));

    private SignInStacks() {}

    static ServiceSpec withAuth(ServiceSpec s, EdgeAuth auth) {
        return new ServiceSpec(
                s.name(),
                s.image(),
                s.imagePullPolicy(),
                s.replicas(),
                s.port(),
                s.additionalPorts(),
                s.command(),
                s.args(),
                s.env(),
                s.resources(),
                s.probes(),
                s.autoscale(),
                s.routes(),
                auth,
                s.metrics(),
                s.uses());
    }

    /**
     * shop in namespace ns: web (Browser) serves / of shop.example.com and / of www.example.com, api (Bearer) serves
     * /api of shop.example.com, docs (no sign-in) serves /docs there.
     */
    static AppStack shop(OidcProvider oidc, EgressMode egress) {
        List<ServiceSpec> services = List.of(
                withAuth(
                        withRoutes(
                                service("web", "acme/web", 8080),
                                route("shop.example.com", "/"),
                                route("www.example.com", "/")),
                        EdgeAuth.Browser),
                withAuth(
                        withRoutes(service("api", "acme/api", 5000), route("shop.example.com", "/api")),
                        EdgeAuth.Bearer),
                withRoutes(service("docs", "acme/docs", 8000), route("shop.example.com", "/docs")));
        return TestStacks.stack(
                "ns",
                "shop",
                new AppStackSpec(
                        services,
                        null,
                        null,
                        null,
                        null,
                        new NetworkPolicySpec(null, egress, null),
                        null,
                        null,
                        List.of(TestStacks.https("shop.example.com"), TestStacks.https("www.example.com")),
                        null,
                        new AuthSpec(oidc)));
    }
}
