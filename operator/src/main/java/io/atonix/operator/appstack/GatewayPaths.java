package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.Route;
import io.atonix.operator.common.PlatformSettings;
import io.atonix.operator.common.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * In Gateway mode, the route paths an HTTPRoute's path match refuses though an Ingress takes them: the Gateway API's
 * own rules on Exact and PathPrefix values (v1.6 CRD). Checked before anything is written, so that such a stack is
 * refused naming the route, not failing at the HTTPRoute's create with the server's message.
 */
public final class GatewayPaths {
    /** The characters the Gateway API allows in a path value, and percent-encoded octets. */
    private static final Pattern CHARACTERS = Pattern.compile("^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$");

    private static final List<String> FORBIDDEN = List.of("//", "/./", "/../", "%2f", "%2F", "#");
    private static final List<String> FORBIDDEN_ENDINGS = List.of("/..", "/.");

    private GatewayPaths() {}

    public static List<SpecProblem> validate(AppStackSpec spec, PlatformSettings platform) {
        List<SpecProblem> problems = new ArrayList<>();
        if (!platform.edge().gatewayMode()) {
            return problems;
        }
        for (int s = 0; s < spec.services().size(); s++) {
            List<Route> routes = spec.services().get(s).routes();
            for (int r = 0; r < routes.size(); r++) {
                String problem = problem(routes.get(r).path());
                if (problem != null) {
                    problems.add(new SpecProblem(
                            "spec.services[" + s + "].routes[" + r + "].path",
                            "the operator writes HTTPRoutes (Gateway mode), whose path " + problem));
                }
            }
        }
        return problems;
    }

    /** What is wrong with the path as an HTTPRoute's path value, or null. */
    public static String problem(String path) {
        for (String forbidden : FORBIDDEN) {
            if (path.contains(forbidden)) {
                return "must not contain '" + forbidden + "'";
            }
        }
        for (String ending : FORBIDDEN_ENDINGS) {
            if (path.endsWith(ending)) {
                return "must not end with '" + ending + "'";
            }
        }
        return CHARACTERS.matcher(path).matches()
                ? null
                : "must only contain letters, digits, -/._~!$&'()*+,;=:@ and %-encoded octets";
    }
}
