package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.EnvVar;
import io.atonix.api.v1beta1.common.KeyReference;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
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
            List<EnvVar> env = services.get(s).env();
            for (int e = 0; e < env.size(); e++) {
                EnvVar variable = env.get(e);
                if (variable.valueFrom() == null) {
                    continue;
                }
                String field = "spec.services[" + s + "].env[" + e + "].valueFrom";
                check("Secret", variable.valueFrom().secretKeyRef(), field + ".secretKeyRef", lookup, problems);
                check(
                        "ConfigMap",
                        variable.valueFrom().configMapKeyRef(),
                        field + ".configMapKeyRef",
                        lookup,
                        problems);
            }
        }
        return problems;
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

    /** Host and path pairs this stack exposes that an Ingress of another stack already serves. */
    static List<SpecProblem> routeConflicts(AppStack stack, List<Ingress> managedIngresses) {
        List<SpecProblem> problems = new ArrayList<>();
        String name = stack.getMetadata().getName();
        String namespace = stack.getMetadata().getNamespace();
        List<ServiceSpec> services = stack.getSpec().services();
        for (int s = 0; s < services.size(); s++) {
            List<Route> routes = services.get(s).routes();
            for (int r = 0; r < routes.size(); r++) {
                Route route = routes.get(r);
                for (Ingress ingress : managedIngresses) {
                    Map<String, String> labels = ingress.getMetadata().getLabels();
                    boolean ours =
                            Objects.equals(namespace, ingress.getMetadata().getNamespace())
                                    && labels != null
                                    && Objects.equals(name, labels.get(Labels.STACK));
                    if (!ours && serves(ingress, route.host(), route.path())) {
                        problems.add(new SpecProblem(
                                "spec.services[" + s + "].routes[" + r + "]",
                                "host " + route.host() + " and path " + route.path()
                                        + " are already served by Ingress "
                                        + ingress.getMetadata().getNamespace() + "/"
                                        + ingress.getMetadata().getName() + " of another stack"));
                    }
                }
            }
        }
        return problems;
    }

    private static boolean serves(Ingress ingress, String host, String path) {
        if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
            return false;
        }
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (!Objects.equals(host, rule.getHost()) || rule.getHttp() == null) {
                continue;
            }
            for (HTTPIngressPath candidate : rule.getHttp().getPaths()) {
                if (Objects.equals(path, candidate.getPath())) {
                    return true;
                }
            }
        }
        return false;
    }
}
