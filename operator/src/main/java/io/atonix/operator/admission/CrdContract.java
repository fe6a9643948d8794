package io.atonix.operator.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CRD of a resource refuses, checked where no API server checked it: by render, and by the reconcilers on a
 * cluster that does not evaluate CEL. The schema first; the CEL rules of a resource that fits it, as the server does.
 * The CRD is the one source of these rules: nothing here restates one.
 */
public final class CrdContract {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final List<String> BLOCKING = List.of("Required value", "Too long", "Too many", "Unsupported value");
    private static final String NOT_CHECKED =
            "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    private CrdContract() {}

    public static List<SpecProblem> problems(HasMetadata resource) {
        return problems(SERIALIZATION.convertValue(resource, JsonNode.class), CrdSchemas.of(resource.getKind()));
    }

    public static List<SpecProblem> problems(JsonNode resource, JSONSchemaProps schema) {
        List<SpecProblem> problems = new ArrayList<>(SchemaCheck.problems(resource, schema));
        if (problems.stream().anyMatch(CrdContract::blocksRules)) {
            problems.add(new SpecProblem("<nil>", NOT_CHECKED));
        } else {
            problems.addAll(CelRules.problems(resource, schema));
        }
        return problems;
    }

    /**
     * A wrong type, a missing required field, a value too long or list too large, or a value outside its enum: the
     * API server evaluates no CEL rule on such an object (a pattern or a duplicate does not stop it).
     */
    private static boolean blocksRules(SpecProblem problem) {
        return BLOCKING.stream().anyMatch(problem.message()::startsWith)
                || problem.message().contains(": must be of type ")
                || problem.message().endsWith(": must be an integer or a string");
    }
}
