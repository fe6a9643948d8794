package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.ServicePort;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.common.ComputeResources;
import io.atonix.api.v1beta1.common.EnvVar;
import io.atonix.api.v1beta1.common.EnvVarSource;
import io.atonix.api.v1beta1.common.Probe;
import io.atonix.api.v1beta1.common.ResourceAmounts;
import io.atonix.operator.common.Quantities;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Translations from the AppStack service spec to the parts of a container. */
final class ContainerParts {
    static final String HTTP_PORT = "http";
    static final String METRICS_PORT = "metrics";
    static final Quantity DEFAULT_CPU_REQUEST = new Quantity("100m");
    static final Quantity DEFAULT_MEMORY_REQUEST = new Quantity("128Mi");
    static final Quantity DEFAULT_MEMORY_LIMIT = new Quantity("512Mi");

    private ContainerParts() {}

    static List<ContainerPort> ports(ServiceSpec service) {
        List<ContainerPort> ports = new ArrayList<>();
        if (service.hasPort()) {
            ports.add(new ContainerPortBuilder()
                    .withName(HTTP_PORT)
                    .withContainerPort(service.port())
                    .withProtocol("TCP")
                    .build());
        }
        for (ServicePort extra : service.additionalPorts()) {
            ports.add(new ContainerPortBuilder()
                    .withName(extra.name())
                    .withContainerPort(extra.port())
                    .withProtocol(extra.protocolOrDefault().name())
                    .build());
        }
        metricsPort(service)
                .ifPresent(port -> ports.add(new ContainerPortBuilder()
                        .withName(METRICS_PORT)
                        .withContainerPort(port)
                        .withProtocol("TCP")
                        .build()));
        return ports;
    }

    /** The metrics port when it is a port of its own; metrics on the service's port are scraped through "http". */
    static Optional<Integer> metricsPort(ServiceSpec service) {
        if (service.metrics() == null
                || service.metrics().port() == null
                || service.metrics().port().equals(service.port())) {
            return Optional.empty();
        }
        Integer port = service.metrics().port();
        boolean declared =
                service.additionalPorts().stream().anyMatch(p -> p.port().equals(port));
        return declared ? Optional.empty() : Optional.of(port);
    }

    static List<io.fabric8.kubernetes.api.model.EnvVar> env(List<EnvVar> env) {
        List<io.fabric8.kubernetes.api.model.EnvVar> result = new ArrayList<>();
        for (EnvVar variable : env) {
            EnvVarBuilder builder = new EnvVarBuilder().withName(variable.name());
            if (variable.valueFrom() != null) {
                EnvVarSource from = variable.valueFrom();
                builder.withNewValueFrom()
                        .withSecretKeyRef(
                                from.secretKeyRef() == null
                                        ? null
                                        : new SecretKeySelector(
                                                from.secretKeyRef().key(),
                                                from.secretKeyRef().name(),
                                                from.secretKeyRef().optional()))
                        .withConfigMapKeyRef(
                                from.configMapKeyRef() == null
                                        ? null
                                        : new ConfigMapKeySelector(
                                                from.configMapKeyRef().key(),
                                                from.configMapKeyRef().name(),
                                                from.configMapKeyRef().optional()))
                        .withFieldRef(
                                from.fieldRef() == null
                                        ? null
                                        : new ObjectFieldSelector(
                                                "v1", from.fieldRef().fieldPath()))
                        .endValueFrom();
            } else {
                builder.withValue(variable.value() == null ? "" : variable.value());
            }
            result.add(builder.build());
        }
        return result;
    }

    /**
     * Requests default to 100m CPU and 128Mi memory and the memory limit to 512Mi, never below the request. CPU is
     * not limited unless asked: a CPU limit throttles a service for no gain when the node has idle cores.
     */
    static ResourceRequirements resources(ComputeResources resources) {
        ResourceAmounts requests = resources == null ? null : resources.requests();
        ResourceAmounts limits = resources == null ? null : resources.limits();
        Quantity cpuRequest = pick(requests == null ? null : requests.cpu(), DEFAULT_CPU_REQUEST);
        Quantity memoryRequest = pick(requests == null ? null : requests.memory(), DEFAULT_MEMORY_REQUEST);
        Quantity memoryLimit = limits != null && limits.memory() != null
                ? limits.memory()
                : larger(DEFAULT_MEMORY_LIMIT, memoryRequest);
        Map<String, Quantity> requested = new LinkedHashMap<>();
        requested.put("cpu", Quantities.canonical(cpuRequest));
        requested.put("memory", Quantities.canonical(memoryRequest));
        Map<String, Quantity> limited = new LinkedHashMap<>();
        if (limits != null && limits.cpu() != null) {
            limited.put("cpu", Quantities.canonical(limits.cpu()));
        }
        limited.put("memory", Quantities.canonical(memoryLimit));
        return new ResourceRequirementsBuilder()
                .withRequests(requested)
                .withLimits(limited)
                .build();
    }

    /** @param defaultPort the service's port, null for a worker, whose probes name their ports (checked by validation) */
    static io.fabric8.kubernetes.api.model.Probe probe(Probe probe, Integer defaultPort) {
        if (probe == null) {
            return null;
        }
        ProbeBuilder builder = new ProbeBuilder()
                .withInitialDelaySeconds(probe.initialDelaySeconds())
                .withPeriodSeconds(probe.periodSeconds())
                .withTimeoutSeconds(probe.timeoutSeconds())
                .withFailureThreshold(probe.failureThreshold());
        if (probe.httpGet() != null) {
            Integer port = probe.httpGet().port() == null
                    ? defaultPort
                    : probe.httpGet().port();
            builder.withNewHttpGet()
                    .withPath(probe.httpGet().path())
                    .withPort(new IntOrString(port))
                    .withScheme("HTTP")
                    .endHttpGet();
        } else if (probe.tcpSocket() != null) {
            Integer port = probe.tcpSocket().port() == null
                    ? defaultPort
                    : probe.tcpSocket().port();
            builder.withNewTcpSocket().withPort(new IntOrString(port)).endTcpSocket();
        } else if (probe.exec() != null) {
            builder.withNewExec().withCommand(probe.exec().command()).endExec();
        }
        return builder.build();
    }

    /**
     * A pod receives traffic once its port accepts connections, unless the service says better; a worker that
     * listens on nothing has no port to check, and is ready once it runs.
     */
    static io.fabric8.kubernetes.api.model.Probe defaultReadiness(Integer port) {
        if (port == null) {
            return null;
        }
        return new ProbeBuilder()
                .withNewTcpSocket()
                .withPort(new IntOrString(port))
                .endTcpSocket()
                .withPeriodSeconds(10)
                .build();
    }

    private static Quantity pick(Quantity value, Quantity fallback) {
        return value != null ? value : fallback;
    }

    private static Quantity larger(Quantity a, Quantity b) {
        BigDecimal left = Quantities.amount(a);
        BigDecimal right = Quantities.amount(b);
        return left.compareTo(right) >= 0 ? a : b;
    }
}
