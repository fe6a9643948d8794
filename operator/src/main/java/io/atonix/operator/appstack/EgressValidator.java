package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.EgressDestination;
import io.atonix.api.v1beta1.appstack.EgressMode;
import io.atonix.api.v1beta1.appstack.EgressPort;
import io.atonix.api.v1beta1.appstack.LabelRequirement;
import io.atonix.api.v1beta1.appstack.LabelSelection;
import io.atonix.api.v1beta1.appstack.NetworkPolicySpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.LabelPairs;
import io.atonix.operator.common.SpecProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of spec.networkPolicy.egressTo, the same the CRD schema and its CEL rules enforce in a cluster, and what
 * Kubernetes would refuse in the NetworkPolicy built from it (an exception outside its CIDR, an invalid label).
 */
final class EgressValidator {
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static final String FIELD = "spec.networkPolicy.egressTo";

    private EgressValidator() {}

    static void validate(AppStackSpec spec, List<SpecProblem> problems) {
        NetworkPolicySpec policy = spec.networkPolicy();
        if (policy == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int d = 0; d < policy.egressTo().size(); d++) {
            EgressDestination destination = policy.egressTo().get(d);
            String field = FIELD + "[" + d + "]";
            if (destination.name() == null
                    || destination.name().length() > 63
                    || !DNS_LABEL.matcher(destination.name()).matches()) {
                problems.add(new SpecProblem(field + ".name", "must be a DNS label of at most 63 characters"));
            } else if (!names.add(destination.name())) {
                problems.add(
                        new SpecProblem(field + ".name", "destination " + destination.name() + " is declared twice"));
            }
            boolean inCluster = destination.namespaceSelector() != null || destination.podSelector() != null;
            if ((destination.ipBlock() != null) == inCluster) {
                problems.add(new SpecProblem(field, EgressDestination.ONE_DESTINATION));
            }
            if (destination.ipBlock() != null) {
                addresses(destination, field + ".ipBlock", problems);
            }
            selector(destination.namespaceSelector(), field + ".namespaceSelector", problems);
            selector(destination.podSelector(), field + ".podSelector", problems);
            ports(destination.ports(), field, problems);
            from(spec, destination, field, problems);
        }
        if (archivesUnreachably(spec, policy)) {
            problems.add(new SpecProblem(FIELD, AppStackSpec.POSTGRES_OBJECT_STORE_CLOSED));
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
            if (requirement.operator() == null) {
                problems.add(new SpecProblem(requirementField + ".operator", "is required"));
                continue;
            }
            boolean compares = requirement.operator() == LabelRequirement.Operator.In
                    || requirement.operator() == LabelRequirement.Operator.NotIn;
            if (compares == requirement.values().isEmpty()) {
                problems.add(new SpecProblem(requirementField + ".values", LabelRequirement.VALUES));
            }
        }
    }

    private static void ports(List<EgressPort> ports, String field, List<SpecProblem> problems) {
        for (int p = 0; p < ports.size(); p++) {
            EgressPort port = ports.get(p);
            String portField = field + ".ports[" + p + "]";
            if (port.port() == null || port.port() < 1 || port.port() > 65535) {
                problems.add(new SpecProblem(portField + ".port", "must be a port number from 1 to 65535"));
            } else if (port.endPort() != null && (port.endPort() < port.port() || port.endPort() > 65535)) {
                problems.add(new SpecProblem(portField + ".endPort", EgressPort.RANGE + ", nor above 65535"));
            }
        }
    }

    private static void from(
            AppStackSpec spec, EgressDestination destination, String field, List<SpecProblem> problems) {
        Set<String> seen = new HashSet<>();
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
            } else if (!seen.add(name)) {
                problems.add(new SpecProblem(field + ".from[" + f + "]", "'" + name + "' is named twice"));
            }
        }
    }

    /** The stack's PostgreSQL talks to an object store, and DeclaredOnly lets it reach none. */
    private static boolean archivesUnreachably(AppStackSpec spec, NetworkPolicySpec policy) {
        var postgres = spec.postgres();
        boolean objectStore = postgres != null
                && (postgres.bootstrap() != null
                        || postgres.backup() != null && postgres.backup().objectStore() != null);
        return objectStore
                && !Boolean.FALSE.equals(policy.enabled())
                && policy.egressOrDefault() == EgressMode.DeclaredOnly
                && policy.egressTo().stream().noneMatch(d -> d.from().contains(EgressDestination.POSTGRES));
    }
}
