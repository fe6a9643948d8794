package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.SpecProblem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a route breaks one of the CRD's rules on the whole spec (a host the stack does not declare, a host and path
 * two services route): the CEL rule can only name spec, this names the route.
 */
final class EdgeValidator {
    private EdgeValidator() {}

    static void validate(AppStackSpec spec, List<SpecProblem> problems) {
        Set<String> hosts = new HashSet<>();
        spec.hosts().forEach(host -> hosts.add(host.name()));
        Map<String, String> claimed = new HashMap<>();
        for (int s = 0; s < spec.services().size(); s++) {
            ServiceSpec service = spec.services().get(s);
            for (int r = 0; r < service.routes().size(); r++) {
                Route route = service.routes().get(r);
                String routeField = "spec.services[" + s + "].routes[" + r + "]";
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
        }
    }
}
