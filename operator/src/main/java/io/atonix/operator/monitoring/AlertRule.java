package io.atonix.operator.monitoring;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert of a stack: what fires it, how bad it is, and what a person reads. Every alert carries the stack and the
 * component it is about as labels, so that Alertmanager can route by them.
 */
public record AlertRule(
        String alert,
        String expr,
        String forDuration,
        Severity severity,
        String stack,
        String component,
        String summary,
        String description) {
    static final String SEVERITY = "severity";
    static final String STACK = "atonix_stack";
    static final String COMPONENT = "atonix_component";

    public enum Severity {
        warning,
        critical
    }

    public Rule toRule() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SEVERITY, severity.name());
        labels.put(STACK, stack);
        labels.put(COMPONENT, component);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", summary);
        annotations.put("description", description);
        return new RuleBuilder()
                .withAlert(alert)
                .withExpr(new IntOrString(expr))
                .withFor(forDuration)
                .withLabels(labels)
                .withAnnotations(annotations)
                .build();
    }
}
