package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.EgressDestination;
import io.atonix.api.v1beta1.appstack.LabelRequirement;
import io.atonix.api.v1beta1.appstack.LabelSelection;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.LabelPairs;
import io.atonix.operator.common.SpecProblem;
import java.util.List;
import java.util.Optional;

/**
 * What Kubernetes would refuse in the NetworkPolicy built from spec.networkPolicy.egressTo although the AppStack's CRD
 * lets it through (a CIDR that is not one, an exception outside its CIDR, an invalid label), and which name of
 * {@code from} breaks the CRD's rule on egressTo as a whole.
 */
final class EgressValidator {
    private static final String FIELD = "spec.networkPolicy.egressTo";

    private EgressValidator() {}

    static void validate(AppStackSpec spec, List<SpecProblem> problems) {
        NetworkPolicySpec policy = spec.networkPolicy();
        if (policy == null) {
            return;
        }
        for (int d = 0; d < policy.egressTo().size(); d++) {
            EgressDestination destination = policy.egressTo().get(d);
            String field = FIELD + "[" + d + "]";
            if (destination.ipBlock() != null) {
                addresses(destination, field + ".ipBlock", problems);
            }
            selector(destination.namespaceSelector(), field + ".namespaceSelector", problems);
            selector(destination.podSelector(), field + ".podSelector", problems);
            from(spec, destination, field, problems);
        }
    }

    private static void addresses(EgressDestination destination, String field, List<SpecProblem> problems) {
        Optional<Cidr> cidr = Cidr.parse(destination.ipBlock().cidr());
        if (cidr.isEmpty()) {
            problems.add(new SpecProblem(
                    field + ".cidr", notACidr(destination.ipBlock().cidr())));
        }
        List<String> except = destination.ipBlock().except();
        for (int e = 0; e < except.size(); e++) {
            Optional<Cidr> inner = Cidr.parse(except.get(e));
            if (inner.isEmpty()) {
                problems.add(new SpecProblem(field + ".except[" + e + "]", notACidr(except.get(e))));
            } else if (cidr.isPresent() && !cidr.get().strictlyContains(inner.get())) {
                problems.add(new SpecProblem(
                        field + ".except[" + e + "]",
                        except.get(e) + " is not a narrower range inside "
                                + destination.ipBlock().cidr()));
            }
        }
    }

    private static String notACidr(String text) {
        return "'" + text
                + "' is not a CIDR: an IPv4 or IPv6 address and a prefix length, such as 203.0.113.0/24 (NetworkPolicy cannot match host names)";
    }

    private static void selector(LabelSelection selection, String field, List<SpecProblem> problems) {
        if (selection == null) {
            return;
        }
        selection
                .matchLabels()
                .forEach((key, value) -> LabelPairs.problem(key, value)
                        .ifPresent(problem -> problems.add(new SpecProblem(field + ".matchLabels", problem))));
        for (int r = 0; r < selection.matchExpressions().size(); r++) {
            LabelRequirement requirement = selection.matchExpressions().get(r);
            String requirementField = field + ".matchExpressions[" + r + "]";
            LabelPairs.problem(requirement.key() == null ? "" : requirement.key(), null)
                    .ifPresent(problem -> problems.add(new SpecProblem(requirementField + ".key", problem)));
            requirement
                    .values()
                    .forEach(value -> LabelPairs.problem("value", value)
                            .ifPresent(
                                    problem -> problems.add(new SpecProblem(requirementField + ".values", problem))));
        }
    }

    private static void from(
            AppStackSpec spec, EgressDestination destination, String field, List<SpecProblem> problems) {
        for (int f = 0; f < destination.from().size(); f++) {
            String name = destination.from().get(f);
            boolean declared = spec.services().stream().map(ServiceSpec::name).anyMatch(name::equals)
                    || EgressDestination.POSTGRES.equals(name) && spec.postgres() != null;
            if (!declared) {
                problems.add(
                        new SpecProblem(
                                field + ".from[" + f + "]",
                                "'" + name
                                        + "' is neither a service of spec.services nor postgres of a stack with spec.postgres"));
            }
        }
    }
}
