package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.HostSpec;
import io.atonix.api.v1beta1.appstack.PathType;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one networking/v1 Ingress of a stack: a rule per host of spec.hosts that some service routes, its paths the
 * services' routes, and a TLS entry per HTTPS host. One object per stack, so that a host has one certificate Secret
 * and a certificate manager watching Ingresses sees it once.
 */
public final class Ingresses {
    /** The Ingress' {@code app.kubernetes.io/name} label, which tells it from the stack's other objects. */
    public static final String NAME_LABEL = "ingress";

    private Ingresses() {}

    /** The stack's Ingress; none when no service routes a host, and none in Gateway mode, where HTTPRoutes serve. */
    public static Optional<Ingress> desired(AppStack stack, PlatformSettings platform) {
        Map<String, List<HTTPIngressPath>> paths = paths(stack);
        if (paths.isEmpty() || platform.edge().gatewayMode()) {
            return Optional.empty();
        }
        String name = stack.getMetadata().getName();
        AppStackSpec spec = stack.getSpec();
        List<IngressRule> rules = new ArrayList<>();
        List<IngressTLS> tls = new ArrayList<>();
        paths.forEach((host, hostPaths) -> {
            rules.add(new IngressRuleBuilder()
                    .withHost(host)
                    .withNewHttp()
                    .withPaths(hostPaths)
                    .endHttp()
                    .build());
            spec.host(host)
                    .filter(HostSpec::https)
                    .ifPresent(https -> tls.add(new IngressTLSBuilder()
                            .withHosts(host)
                            .withSecretName(tlsSecret(name, https))
                            .build()));
        });
        var settings = spec.ingress();
        String className =
                settings != null && settings.className() != null ? settings.className() : platform.ingressClassName();
        var annotations =
                settings == null || settings.annotations().isEmpty() ? null : new TreeMap<>(settings.annotations());
        return Optional.of(StackObjects.finish(new IngressBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name)
                        .withNamespace(stack.getMetadata().getNamespace())
                        .withLabels(Labels.forStack(name, NAME_LABEL, "edge"))
                        .withAnnotations(annotations)
                        .withOwnerReferences(Owners.controller(stack))
                        .build())
                .withNewSpec()
                .withIngressClassName(className)
                .withRules(rules)
                .withTls(tls.isEmpty() ? null : tls)
                .endSpec()
                .build()));
    }

    /** The paths of each routed host, hosts in the order of spec.hosts and paths in the order of the services. */
    private static Map<String, List<HTTPIngressPath>> paths(AppStack stack) {
        AppStackSpec spec = stack.getSpec();
        Map<String, List<HTTPIngressPath>> paths = new LinkedHashMap<>();
        spec.hosts().forEach(host -> paths.put(host.name(), new ArrayList<>()));
        for (ServiceSpec service : spec.services()) {
            if (!service.hasPort()) {
                continue;
            }
            String backend = AuthProxies.edgeBackend(stack, service);
            for (Route route : service.routes()) {
                List<HTTPIngressPath> hostPaths = paths.get(route.host());
                if (hostPaths != null) {
                    hostPaths.add(path(route, backend));
                }
            }
            Route pages = new Route(null, AuthProxyArgs.proxyPrefix(service), PathType.Prefix);
            for (String host : AuthProxies.callbackHosts(stack, service)) {
                List<HTTPIngressPath> hostPaths = paths.get(host);
                if (hostPaths != null) {
                    hostPaths.add(path(pages, backend));
                }
            }
        }
        paths.values().removeIf(List::isEmpty);
        return paths;
    }

    private static HTTPIngressPath path(Route route, String backend) {
        return new HTTPIngressPathBuilder()
                .withPath(route.path())
                .withPathType(route.pathTypeOrDefault().name())
                .withNewBackend()
                .withNewService()
                .withName(backend)
                .withNewPort()
                .withName(ContainerParts.HTTP_PORT)
                .endPort()
                .endService()
                .endBackend()
                .build();
    }

    /** The Secret of an HTTPS host's certificate: the one its TLS names, or the one the stack owns for the host. */
    public static String tlsSecret(String stack, HostSpec host) {
        String named = host.tls().secretName();
        return named != null ? named : Names.tlsSecret(stack, host.name());
    }

    /** The URLs a person reaches a service at, one per route, each with its host's scheme. */
    public static List<String> urls(AppStackSpec spec, ServiceSpec service) {
        List<String> urls = new ArrayList<>();
        for (Route route : service.routes()) {
            boolean https = spec.host(route.host()).map(HostSpec::https).orElse(false);
            urls.add((https ? "https://" : "http://") + route.host() + route.path());
        }
        return urls;
    }
}
