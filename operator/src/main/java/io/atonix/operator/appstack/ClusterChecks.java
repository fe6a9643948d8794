package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.EnvVar;
import io.atonix.api.v1beta1.common.KeyReference;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The rules of a stack that depend on what else is in the cluster: Secrets and ConfigMaps it references, and
 * routes other stacks already serve. A stack that breaks one is not applied at all.
 */
final class ClusterChecks {

    private ClusterChecks() {}

    /**
     * Non-optional references to Secret and ConfigMap keys that do not resolve.
     *
     * @param lookup (kind, name) to the keys of that object in the stack's namespace, or null when it does not exist
     */
    static List<SpecProblem> missingReferences(AppStack stack, BiFunction<String, String, Map<String, ?>> lookup) {
        List<SpecProblem> problems = new ArrayList<>();
        List<ServiceSpec> services = stack.getSpec().services();
        for (int s = 0; s < services.size(); s++) {
            missingInEnv(services.get(s).env(), "spec.services[" + s + "]", lookup, problems);
        }
        // A job's pod would wait in CreateContainerConfigError as a service's would, and hold a rollout back.
        for (int j = 0; j < stack.getSpec().jobs().size(); j++) {
            missingInEnv(stack.getSpec().jobs().get(j).env(), "spec.jobs[" + j + "]", lookup, problems);
        }
        if (!AuthProxies.protectedServices(stack).isEmpty()) {
            var secret = stack.getSpec().oidc().orElseThrow().clientSecretRef();
            check(
                    "Secret",
                    new KeyReference(secret.name(), secret.key(), false),
                    "spec.auth.oidc.clientSecretRef",
                    lookup,
                    problems);
        }
        return problems;
    }

    private static void missingInEnv(
            List<EnvVar> env,
            String workload,
            BiFunction<String, String, Map<String, ?>> lookup,
            List<SpecProblem> problems) {
        for (int e = 0; e < env.size(); e++) {
            EnvVar variable = env.get(e);
            if (variable.valueFrom() == null) {
                continue;
            }
            String field = workload + ".env[" + e + "].valueFrom";
            check("Secret", variable.valueFrom().secretKeyRef(), field + ".secretKeyRef", lookup, problems);
            check("ConfigMap", variable.valueFrom().configMapKeyRef(), field + ".configMapKeyRef", lookup, problems);
        }
    }

    private static void check(
            String kind,
            KeyReference ref,
            String field,
            BiFunction<String, String, Map<String, ?>> lookup,
            List<SpecProblem> problems) {
        if (ref == null || ref.optionalOrDefault()) {
            return;
        }
        Map<String, ?> keys = lookup.apply(kind, ref.name());
        if (keys == null) {
            problems.add(new SpecProblem(
                    field,
                    kind + " '" + ref.name()
                            + "' does not exist in the stack's namespace; create it or mark the reference optional"));
        } else if (!keys.containsKey(ref.key())) {
            problems.add(new SpecProblem(field, kind + " '" + ref.name() + "' has no key '" + ref.key() + "'"));
        }
    }

    /**
     * Host and path pairs this stack exposes that an Ingress or HTTPRoute of another stack already serves: its routes,
     * and the pages its Browser-mode proxies add under each of their hosts (sign-in and the provider's callback, which
     * a proxy of another stack on the same path would answer instead).
     */
    static List<SpecProblem> routeConflicts(AppStack stack, List<ServedRoute> served) {
        List<SpecProblem> problems = new ArrayList<>();
        String name = stack.getMetadata().getName();
        String namespace = stack.getMetadata().getNamespace();
        for (Claim claim : claims(stack)) {
            served.stream()
                    .filter(other -> !other.servedBy(namespace, name)
                            && Objects.equals(claim.host(), other.host())
                            && Objects.equals(claim.path(), other.path()))
                    .findFirst()
                    .ifPresent(other -> problems.add(new SpecProblem(
                            claim.field(),
                            "host " + claim.host() + " and path " + claim.path() + claim.why()
                                    + " are already served by " + other.object() + " of another stack")));
        }
        return problems;
    }

    private record Claim(String field, String host, String path, String why) {}

    private static List<Claim> claims(AppStack stack) {
        List<Claim> claims = new ArrayList<>();
        List<ServiceSpec> services = stack.getSpec().services();
        for (int s = 0; s < services.size(); s++) {
            ServiceSpec service = services.get(s);
            List<Route> routes = service.routes();
            for (int r = 0; r < routes.size(); r++) {
                Route route = routes.get(r);
                claims.add(new Claim("spec.services[" + s + "].routes[" + r + "]", route.host(), route.path(), ""));
            }
            for (String host : AuthProxies.callbackHosts(stack, service)) {
                claims.add(new Claim(
                        "spec.services[" + s + "].auth",
                        host,
                        AuthProxyArgs.proxyPrefix(service),
                        " (the sign-in pages of the service's oauth2-proxy)"));
            }
        }
        return claims;
    }
}
