package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.ServicePort;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.EnvVar;
import io.atonix.operator.common.LabelPairs;
import io.atonix.operator.common.SpecProblem;
import io.atonix.operator.postgres.PostgresServerRules;
import io.atonix.operator.redis.RedisServerRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an AppStack that a pure function can check. The CRD schema and its CEL rules enforce most of them
 * in a cluster; they are checked here again because render runs without a cluster, and an API server without CEL
 * (before Kubernetes 1.25) would let them through.
 */
public final class AppStackValidator {
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");

    private static final int MAX_STACK_NAME = 30;
    private static final int MAX_SERVICE_NAME = 30;
    private static final Set<String> RESERVED_SERVICE_NAMES = Set.of("postgres", "redis");
    private static final Set<String> RESERVED_PORT_NAMES =
            Set.of(ContainerParts.HTTP_PORT, ContainerParts.METRICS_PORT);

    private AppStackValidator() {}

    public static List<SpecProblem> validate(AppStack stack) {
        List<SpecProblem> problems = new ArrayList<>();
        String name = stack.getMetadata() == null ? null : stack.getMetadata().getName();
        if (name == null || name.isEmpty()) {
            problems.add(new SpecProblem("metadata.name", "is required"));
        } else if (name.length() > MAX_STACK_NAME || !DNS_LABEL.matcher(name).matches()) {
            problems.add(
                    new SpecProblem(
                            "metadata.name",
                            "must be a DNS label of at most " + MAX_STACK_NAME
                                    + " characters (lower-case letters, digits and '-', starting with a letter), so that derived names stay valid"));
        }
        AppStackSpec spec = stack.getSpec();
        if (spec == null) {
            problems.add(new SpecProblem("spec", "is required"));
            return problems;
        }
        if (spec.services().isEmpty()) {
            problems.add(new SpecProblem("spec.services", "must declare at least one service"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.services().size(); i++) {
            ServiceSpec service = spec.services().get(i);
            String field = "spec.services[" + i + "]";
            validateService(spec, service, field, problems);
            if (service.name() != null && !names.add(service.name())) {
                problems.add(new SpecProblem(field + ".name", "service name '" + service.name() + "' is used twice"));
            }
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

    private static void validateService(
            AppStackSpec spec, ServiceSpec service, String field, List<SpecProblem> problems) {
        if (service.name() == null
                || service.name().length() > MAX_SERVICE_NAME
                || !DNS_LABEL.matcher(service.name()).matches()) {
            problems.add(new SpecProblem(
                    field + ".name", "must be a DNS label of at most " + MAX_SERVICE_NAME + " characters"));
        } else if (RESERVED_SERVICE_NAMES.contains(service.name())) {
            problems.add(new SpecProblem(
                    field + ".name", "'" + service.name() + "' is reserved for the stack's data store"));
        }
        if (service.image() == null || service.image().isBlank()) {
            problems.add(new SpecProblem(field + ".image", "is required"));
        }
        if (service.hasPort() && (service.port() < 1 || service.port() > 65535)) {
            problems.add(new SpecProblem(field + ".port", "must be a port number from 1 to 65535"));
        }
        if (service.replicas() != null && service.autoscale() != null) {
            problems.add(
                    new SpecProblem(
                            field + ".replicas",
                            "replicas and autoscale are mutually exclusive: with autoscale, the autoscaler owns the replica count"));
        }
        if (service.autoscale() != null
                && service.autoscale().maxReplicas() != null
                && service.autoscale().minReplicasOrDefault()
                        > service.autoscale().maxReplicas()) {
            problems.add(new SpecProblem(
                    field + ".autoscale",
                    "minReplicas (" + service.autoscale().minReplicasOrDefault()
                            + ") must not be greater than maxReplicas ("
                            + service.autoscale().maxReplicas() + ")"));
        }
        Set<String> portNames = new HashSet<>();
        Set<Integer> portNumbers = new HashSet<>();
        if (service.hasPort()) {
            portNumbers.add(service.port());
        }
        for (int p = 0; p < service.additionalPorts().size(); p++) {
            ServicePort port = service.additionalPorts().get(p);
            String portField = field + ".additionalPorts[" + p + "]";
            if (RESERVED_PORT_NAMES.contains(port.name()) || !portNames.add(port.name())) {
                problems.add(new SpecProblem(portField + ".name", "'" + port.name() + "' is reserved or used twice"));
            }
            if (!portNumbers.add(port.port())) {
                problems.add(new SpecProblem(portField + ".port", "port " + port.port() + " is declared twice"));
            }
        }
        Set<String> envNames = new HashSet<>();
        for (int e = 0; e < service.env().size(); e++) {
            EnvVar variable = service.env().get(e);
            if (!envNames.add(variable.name())) {
                problems.add(new SpecProblem(
                        field + ".env[" + e + "].name", "variable " + variable.name() + " is set twice"));
            }
            if (variable.value() != null && variable.valueFrom() != null) {
                problems.add(new SpecProblem(field + ".env[" + e + "]", "value and valueFrom are mutually exclusive"));
            }
            var source = variable.valueFrom();
            if (source != null && count(source.secretKeyRef(), source.configMapKeyRef(), source.fieldRef()) != 1) {
                problems.add(new SpecProblem(
                        field + ".env[" + e + "].valueFrom",
                        "exactly one of secretKeyRef, configMapKeyRef or fieldRef must be set"));
            }
        }
        if (service.probes() != null) {
            probe(field + ".probes.readiness", service.probes().readiness(), problems);
            probe(field + ".probes.liveness", service.probes().liveness(), problems);
            probe(field + ".probes.startup", service.probes().startup(), problems);
        }
        UsesValidator.validate(spec, service, field, problems);
    }

    private static void probe(String field, io.atonix.api.v1beta1.common.Probe probe, List<SpecProblem> problems) {
        if (probe != null && count(probe.httpGet(), probe.tcpSocket(), probe.exec()) != 1) {
            problems.add(new SpecProblem(field, "exactly one of httpGet, tcpSocket or exec must be set"));
        }
    }

    private static int count(Object... set) {
        int count = 0;
        for (Object value : set) {
            count += value == null ? 0 : 1;
        }
        return count;
    }
}
