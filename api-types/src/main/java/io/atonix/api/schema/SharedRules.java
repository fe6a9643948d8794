package io.atonix.api.schema;

import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The CEL rules a record shares through an interface it implements (a data store's server, declared by a standalone
 * resource and by a stack alike): fabric8's generator reads the rules of a class and its superclasses only, so the
 * CRD build adds the interfaces' rules here, and each rule is written once.
 */
final class SharedRules {

    private SharedRules() {}

    static void add(Class<?> record, JSONSchemaProps schema) {
        List<io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule> rules = new ArrayList<>();
        for (Class<?> shared : record.getInterfaces()) {
            for (ValidationRule rule : shared.getAnnotationsByType(ValidationRule.class)) {
                rules.add(new ValidationRuleBuilder()
                        .withRule(rule.value())
                        .withMessage(blankToNull(rule.message()))
                        .withMessageExpression(blankToNull(rule.messageExpression()))
                        .withReason(blankToNull(rule.reason()))
                        .withFieldPath(blankToNull(rule.fieldPath()))
                        .withOptionalOldSelf(rule.optionalOldSelf() ? true : null)
                        .build());
            }
        }
        if (!rules.isEmpty()) {
            List<io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule> all = new ArrayList<>(rules);
            if (schema.getXKubernetesValidations() != null) {
                all.addAll(schema.getXKubernetesValidations());
            }
            schema.setXKubernetesValidations(all);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
