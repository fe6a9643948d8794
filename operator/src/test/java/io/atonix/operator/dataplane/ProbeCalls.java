package io.atonix.operator.dataplane;

import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Asks a stack service's probe application ({@link ProbeImage}) what it can do: over HTTP to the address of one of the
 * service's ready pods, as a client in the cluster would reach it.
 */
record ProbeCalls(KubernetesClient admin, String namespace, String stack) {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The answer of {@code POST /postgres?<query>} with the SQL: "ok" and rows, or "refused <SQLSTATE> ...". */
    String postgres(String service, String query, String sql) throws Exception {
        return post(service, "/postgres?" + query, sql);
    }

    /** The answer of {@code POST /redis?<query>} with the command: "ok" and the reply, or "refused <error>". */
    String redis(String service, String query, String command) throws Exception {
        return post(service, "/redis?" + query, command);
    }

    /**
     * The answer of {@code POST /s3?<query>}: with a body "ok" once it is written as the object, without one "ok" and
     * the object, or "refused <HTTP status> ...".
     */
    String s3(String service, String query, String body) throws Exception {
        return post(service, "/s3?" + query, body);
    }

    /** The names of the variables the service's pod was given. */
    List<String> env(String service) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(service, "/env")).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString())
                .body()
                .lines()
                .toList();
    }

    /** The service's pods that are ready and not being deleted. */
    List<Pod> readyPods(String service) {
        return admin
                .pods()
                .inNamespace(namespace)
                .withLabels(Labels.serviceSelector(stack, service))
                .list()
                .getItems()
                .stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .filter(pod -> pod.getStatus().getConditions().stream()
                        .anyMatch(c ->
                                c.getType().equals("Ready") && c.getStatus().equals("True")))
                .toList();
    }

    private String post(String service, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(service, path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body().strip();
    }

    private URI uri(String service, String path) {
        List<Pod> pods = readyPods(service);
        if (pods.size() != 1) {
            throw new AssertionError(service + " has " + pods.size() + " ready pods, not 1");
        }
        return URI.create("http://" + pods.get(0).getStatus().getPodIP() + ":8080" + path);
    }
}
