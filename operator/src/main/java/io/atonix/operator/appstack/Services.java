package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Metrics;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ClusterIP Service in front of one service's pods, exposing every container port under its name; none for a
 * worker that listens on no port (a Service needs one).
 */
public final class Services {

    private Services() {}

    public static Optional<Service> desired(AppStack stack, ServiceSpec service) {
        List<ServicePort> ports = new ArrayList<>();
        for (ContainerPort port : ContainerParts.ports(service)) {
            ports.add(new ServicePortBuilder()
                    .withName(port.getName())
                    .withPort(port.getContainerPort())
                    .withTargetPort(new IntOrString(port.getName()))
                    .withProtocol(port.getProtocol())
                    .build());
        }
        if (ports.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StackObjects.finish(new ServiceBuilder()
                .withMetadata(StackObjects.serviceMetadata(stack, service))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(StackObjects.selector(stack, service))
                .withPorts(ports)
                .endSpec()
                .build()));
    }

    /**
     * The name of the Service port that serves the service's metrics: "metrics" when they have a port of their own,
     * the additional port that has their number, or "http" when they are served on the service's port.
     */
    public static Optional<String> metricsPortName(ServiceSpec service) {
        Metrics metrics = service.metrics();
        if (metrics == null || (metrics.port() == null && !service.hasPort())) {
            return Optional.empty();
        }
        if (ContainerParts.metricsPort(service).isPresent()) {
            return Optional.of(ContainerParts.METRICS_PORT);
        }
        return Optional.of(service.additionalPorts().stream()
                .filter(p -> p.port().equals(metrics.port()))
                .map(io.atonix.api.v1beta1.appstack.ServicePort::name)
                .findFirst()
                .orElse(ContainerParts.HTTP_PORT));
    }
}
