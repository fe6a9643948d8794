package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One scrape of a pod the way Prometheus finds it through a ServiceMonitor: the Services its selector matches that
 * have the endpoint's port name and select the pod, that port's targetPort on the pod's address (a named one resolved
 * through the pod's container ports), the endpoint's path. The test tier has no Prometheus Operator, so the
 * ServiceMonitor is the one the operator's pure builder makes.
 */
record ServiceMonitorScrape(URI target, int status, String body) {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ServiceMonitorScrape of(KubernetesClient admin, ServiceMonitor monitor, Pod pod) throws Exception {
        Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
        ServicePort port = admin
                .services()
                .inNamespace(pod.getMetadata().getNamespace())
                .withLabels(monitor.getSpec().getSelector().getMatchLabels())
                .list()
                .getItems()
                .stream()
                .filter(service -> selects(service, pod))
                .flatMap(service -> service.getSpec().getPorts().stream())
                .filter(p -> endpoint.getPort().equals(p.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no Service selected by " + monitor.getMetadata().getName() + " has port " + endpoint.getPort()
                                + " and selects " + pod.getMetadata().getName()));
        URI target = URI.create("http://" + pod.getStatus().getPodIP() + ":" + containerPort(port.getTargetPort(), pod)
                + endpoint.getPath());
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ServiceMonitorScrape(target, response.statusCode(), response.body());
    }

    private static boolean selects(Service service, Pod pod) {
        Map<String, String> selector = service.getSpec().getSelector();
        Map<String, String> labels = pod.getMetadata().getLabels();
        return selector != null && labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static int containerPort(IntOrString target, Pod pod) {
        if (target.getIntVal() != null) {
            return target.getIntVal();
        }
        return pod.getSpec().getContainers().stream()
                .flatMap(c ->
                        c.getPorts() == null ? java.util.stream.Stream.<ContainerPort>empty() : c.getPorts().stream())
                .filter(p -> target.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "pod " + pod.getMetadata().getName() + " has no port " + target.getStrVal()));
    }
}
