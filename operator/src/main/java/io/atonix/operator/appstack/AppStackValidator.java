package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.ServicePort;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.admission.CrdContract;
import io.atonix.operator.common.LabelPairs;
import io.atonix.operator.common.SpecProblem;
import io.atonix.operator.postgres.PostgresServerRules;
import io.atonix.operator.redis.RedisServerRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is wrong with an AppStack: what its CRD refuses (schema and CEL rules, evaluated from the CRD itself, for
 * render and for an API server that does not run CEL), where each broken rule sits when the CRD can only say "spec",
 * and the rules only the operator knows.
 */
public final class AppStackValidator {
    private static final Set<String> RESERVED_PORT_NAMES =
            Set.of(ContainerParts.HTTP_PORT, ContainerParts.METRICS_PORT);

    private AppStackValidator() {}

    public static List<SpecProblem> validate(AppStack stack) {
        List<SpecProblem> problems = new ArrayList<>(CrdContract.problems(stack));
        AppStackSpec spec = stack.getSpec();
        if (spec == null) {
            return problems;
        }
        for (int i = 0; i < spec.services().size(); i++) {
            ServiceSpec service = spec.services().get(i);
            String field = "spec.services[" + i + "]";
            ports(service, field, problems);
            UsesValidator.validate(spec, service, field, problems);
        }
        EdgeValidator.validate(spec, problems);
        EgressValidator.validate(spec, problems);
        KafkaTopicsValidator.validate(spec, problems);
        if (spec.postgres() != null) {
            problems.addAll(PostgresServerRules.problems("spec.postgres", spec.postgres()));
        }
        if (spec.redis() != null) {
            problems.addAll(RedisServerRules.problems("spec.redis", spec.redis()));
        }
        if (spec.monitoring() != null) {
            spec.monitoring()
                    .labels()
                    .forEach((key, value) -> LabelPairs.problem(key, value)
                            .ifPresent(problem -> problems.add(new SpecProblem("spec.monitoring.labels", problem))));
        }
        return problems;
    }

    private static void ports(ServiceSpec service, String field, List<SpecProblem> problems) {
        Set<Integer> portNumbers = new HashSet<>();
        for (int p = 0; p < service.additionalPorts().size(); p++) {
            ServicePort port = service.additionalPorts().get(p);
            String portField = field + ".additionalPorts[" + p + "]";
            if (RESERVED_PORT_NAMES.contains(port.name())) {
                problems.add(new SpecProblem(
                        portField + ".name", "'" + port.name() + "' is the operator's name for a port of its own"));
            }
            if (!portNumbers.add(port.port())) {
                problems.add(new SpecProblem(portField + ".port", "port " + port.port() + " is declared twice"));
            }
        }
    }
}
