package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.operator.admission.CrdContract;
import io.atonix.operator.common.LabelPairs;
import io.atonix.operator.common.SpecProblem;
import io.atonix.operator.keda.TriggersValidator;
import io.atonix.operator.objectstore.NamedEndpointEgress;
import io.atonix.operator.postgres.PostgresServerRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with an AppStack: what its CRD refuses (schema and CEL rules, evaluated from the CRD itself, for
 * render and for an API server that does not run CEL), where each broken rule sits when the CRD can only say "spec",
 * and the rules the CRD cannot state (a PostgreSQL parameter of the version, a label value, a CIDR).
 */
public final class AppStackValidator {
    private AppStackValidator() {}

    public static List<SpecProblem> validate(AppStack stack) {
        List<SpecProblem> problems = new ArrayList<>(CrdContract.problems(stack));
        AppStackSpec spec = stack.getSpec();
        if (spec == null) {
            return problems;
        }
        for (int i = 0; i < spec.services().size(); i++) {
            UsesValidator.validate(spec, spec.services().get(i), "spec.services[" + i + "]", problems);
        }
        for (int i = 0; i < spec.jobs().size(); i++) {
            UsesValidator.validate(spec, spec.jobs().get(i).asWorkload(), "spec.jobs[" + i + "]", problems);
        }
        EdgeValidator.validate(spec, problems);
        EgressValidator.validate(spec, problems);
        NamedEndpointEgress.validate(spec, problems);
        KafkaTopicsValidator.validate(spec, problems);
        TriggersValidator.validate(spec, problems);
        if (spec.postgres() != null) {
            problems.addAll(PostgresServerRules.problems("spec.postgres", spec.postgres()));
        }
        if (spec.monitoring() != null) {
            // The CRD checks the keys; a rule over the values would exceed the API server's cost budget.
            spec.monitoring()
                    .labels()
                    .values()
                    .forEach(value -> LabelPairs.problem("value", value)
                            .ifPresent(problem -> problems.add(new SpecProblem("spec.monitoring.labels", problem))));
        }
        return problems;
    }
}
