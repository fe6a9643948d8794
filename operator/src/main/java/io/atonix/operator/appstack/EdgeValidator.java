package io.atonix.operator.appstack;

import io.atonix.api.schema.QualifiedNames;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.HostSpec;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.Probe;
import io.atonix.operator.common.SpecProblem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stack's rules on hosts, routes and what a service without a port can ask for: the same as the CEL rules of
 * AppStackSpec and ServiceSpec, for render and for API servers without CEL.
 */
final class EdgeValidator {

    private static final Pattern HOST_LABELS = Pattern.compile(HostSpec.LABELS);
    private static final Pattern HOST_ADDRESS = Pattern.compile(HostSpec.ADDRESS);
    private static final Pattern INGRESS_CLASS = Pattern.compile(QualifiedNames.DNS_SUBDOMAIN);
    private static final Pattern ANNOTATION_KEY = Pattern.compile(QualifiedNames.KEY);

    private EdgeValidator() {}

    static void validate(AppStackSpec spec, List<SpecProblem> problems) {
        Set<String> hosts = new HashSet<>();
        for (int h = 0; h < spec.hosts().size(); h++) {
            String name = spec.hosts().get(h).name();
            if (name != null
                    && (!HOST_LABELS.matcher(name).find()
                            || HOST_ADDRESS.matcher(name).find())) {
                problems.add(
                        new SpecProblem(
                                "spec.hosts[" + h + "].name",
                                "'" + name
                                        + "': a host name is DNS labels of at most 63 characters each, and not an IP address (an Ingress or HTTPRoute refuses both)"));
            }
            if (!hosts.add(spec.hosts().get(h).name())) {
                problems.add(new SpecProblem(
                        "spec.hosts[" + h + "].name",
                        "host " + spec.hosts().get(h).name() + " is declared twice"));
            }
        }
        if (spec.ingress() != null) {
            String className = spec.ingress().className();
            if (className != null && !INGRESS_CLASS.matcher(className).find()) {
                problems.add(
                        new SpecProblem(
                                "spec.ingress.className",
                                "'" + className
                                        + "': className is the name of an IngressClass: lower case letters, digits, '-' and '.'"));
            }
            for (String key :
                    new java.util.TreeSet<>(spec.ingress().annotations().keySet())) {
                if (!ANNOTATION_KEY.matcher(key).find()) {
                    problems.add(
                            new SpecProblem(
                                    "spec.ingress.annotations",
                                    "'" + key
                                            + "': an annotation key is an optional DNS subdomain and '/', then a name of at most 63 letters, digits, '-', '_' and '.' (for example cert-manager.io/cluster-issuer)"));
                }
            }
        }
        Map<String, String> claimed = new HashMap<>();
        for (int s = 0; s < spec.services().size(); s++) {
            ServiceSpec service = spec.services().get(s);
            String field = "spec.services[" + s + "]";
            for (int r = 0; r < service.routes().size(); r++) {
                Route route = service.routes().get(r);
                String routeField = field + ".routes[" + r + "]";
                if (!hosts.contains(route.host())) {
                    problems.add(new SpecProblem(
                            routeField + ".host", "host " + route.host() + " is not declared in spec.hosts"));
                }
                String other = claimed.putIfAbsent(route.host() + route.path(), service.name());
                if (other != null) {
                    problems.add(new SpecProblem(
                            routeField,
                            "services '" + other + "' and '" + service.name() + "' both route host " + route.host()
                                    + " and path " + route.path()));
                }
            }
            if (!service.hasPort()) {
                withoutPort(service, field, problems);
            }
        }
    }

    private static void withoutPort(ServiceSpec service, String field, List<SpecProblem> problems) {
        if (!service.routes().isEmpty()) {
            problems.add(new SpecProblem(
                    field + ".routes", "routes need the service's port: the edge sends their HTTP requests to it"));
        }
        if (service.metrics() != null && service.metrics().port() == null) {
            problems.add(new SpecProblem(field + ".metrics", "metrics of a service without a port need metrics.port"));
        }
        var probes = service.probes();
        if (probes != null
                && !(namesPort(probes.readiness()) && namesPort(probes.liveness()) && namesPort(probes.startup()))) {
            problems.add(new SpecProblem(
                    field + ".probes", "probes of a service without a port must name their httpGet or tcpSocket port"));
        }
    }

    private static boolean namesPort(Probe probe) {
        return probe == null
                || ((probe.httpGet() == null || probe.httpGet().port() != null)
                        && (probe.tcpSocket() == null || probe.tcpSocket().port() != null));
    }
}
