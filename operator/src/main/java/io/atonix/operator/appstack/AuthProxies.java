package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.EdgeAuth;
import io.atonix.api.v1beta1.appstack.OidcProvider;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The oauth2-proxy in front of a service whose auth is Browser or Bearer: its ServiceAccount, Deployment and Service,
 * the create-only Secret with its cookie secret, and the ConfigMap with the allowed email addresses. The edge routes
 * the service's routes to the proxy's Service, and the proxy forwards signed-in requests to the service's Service.
 */
public final class AuthProxies {
    public static final String COOKIE_SECRET_KEY = "cookie-secret";

    private AuthProxies() {}

    /** The services of the stack that the edge signs in, each with the stack's provider. */
    public static List<ServiceSpec> protectedServices(AppStack stack) {
        if (stack.getSpec().oidc().isEmpty()) {
            return List.of();
        }
        return stack.getSpec().services().stream()
                .filter(s -> protects(stack, s))
                .toList();
    }

    /** Whether the edge reaches the service through its oauth2-proxy. */
    public static boolean protects(AppStack stack, ServiceSpec service) {
        return service.signsIn() && service.hasPort() && stack.getSpec().oidc().isPresent();
    }

    /** The Service the edge sends a service's routes to: its oauth2-proxy's when it is protected, else its own. */
    public static String edgeBackend(AppStack stack, ServiceSpec service) {
        return protects(stack, service)
                ? Names.authProxy(name(stack), service.name())
                : Names.service(name(stack), service.name());
    }

    /** The port of {@link #edgeBackend}. */
    public static int edgeBackendPort(AppStack stack, ServiceSpec service) {
        return protects(stack, service) ? AuthProxyArgs.PORT : service.port();
    }

    /**
     * The hosts under which a Browser-mode proxy needs its own pages (sign-in and the provider's callback) routed to
     * it: every host the service routes, under {@link AuthProxyArgs#proxyPrefix}.
     */
    public static List<String> callbackHosts(AppStack stack, ServiceSpec service) {
        if (!protects(stack, service) || service.authOrDefault() != EdgeAuth.Browser) {
            return List.of();
        }
        return service.routes().stream().map(r -> r.host()).distinct().toList();
    }

    /** Every object of every proxy of the stack; {@code cookieSecret} makes the cookie secret of a Secret not yet stored. */
    public static List<HasMetadata> desired(AppStack stack, Supplier<String> cookieSecret) {
        List<HasMetadata> objects = new ArrayList<>();
        for (ServiceSpec service : protectedServices(stack)) {
            objects.add(serviceAccount(stack, service));
            objects.add(cookieSecret(stack, service, cookieSecret));
            emails(stack, service).ifPresent(objects::add);
            objects.add(AuthProxyDeployments.desired(stack, service));
            objects.add(service(stack, service));
        }
        return objects;
    }

    public static ServiceAccount serviceAccount(AppStack stack, ServiceSpec service) {
        return StackObjects.finish(new ServiceAccountBuilder()
                .withMetadata(metadata(stack, service, Names.authProxy(name(stack), service.name())))
                .withAutomountServiceAccountToken(false)
                .build());
    }

    /**
     * Generated once, like the stores' passwords: a reconcile never compares or regenerates it, so sessions survive
     * the operator. 32 characters, a length oauth2-proxy takes as an AES-256 key.
     */
    public static Secret cookieSecret(AppStack stack, ServiceSpec service, Supplier<String> generate) {
        return StackObjects.finish(new SecretBuilder()
                .withMetadata(metadata(stack, service, Names.authProxyCookie(name(stack), service.name())))
                .withType("Opaque")
                .withStringData(Map.of(COOKIE_SECRET_KEY, generate.get()))
                .build());
    }

    /** The allowed email addresses, one a line, as oauth2-proxy's authenticated-emails-file reads them. */
    public static Optional<ConfigMap> emails(AppStack stack, ServiceSpec service) {
        OidcProvider oidc = stack.getSpec().oidc().orElseThrow();
        if (oidc.allowedEmails().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StackObjects.finish(new ConfigMapBuilder()
                .withMetadata(metadata(stack, service, Names.authProxyEmails(name(stack), service.name())))
                .withData(Map.of(AuthProxyArgs.EMAILS_FILE, String.join("\n", oidc.allowedEmails()) + "\n"))
                .build()));
    }

    public static Service service(AppStack stack, ServiceSpec service) {
        return StackObjects.finish(new ServiceBuilder()
                .withMetadata(metadata(stack, service, Names.authProxy(name(stack), service.name())))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Labels.authProxySelector(name(stack), service.name()))
                .addNewPort()
                .withName(ContainerParts.HTTP_PORT)
                .withPort(AuthProxyArgs.PORT)
                .withTargetPort(new IntOrString(ContainerParts.HTTP_PORT))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build());
    }

    static ObjectMeta metadata(AppStack stack, ServiceSpec service, String objectName) {
        return new ObjectMetaBuilder()
                .withName(objectName)
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(Labels.forAuthProxy(name(stack), service.name()))
                .withOwnerReferences(Owners.controller(stack))
                .build();
    }

    static String name(AppStack stack) {
        return stack.getMetadata().getName();
    }
}
