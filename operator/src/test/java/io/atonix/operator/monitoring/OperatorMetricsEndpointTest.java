package io.atonix.operator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.operator.appstack.CrdsInMockServer;
import io.atonix.operator.appstack.TestStacks;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operator's own observability over HTTP, as Prometheus and the kubelet see it: /q/metrics serves the
 * reconciliation metrics once a stack was reconciled, every metric the operator's dashboard reads, and the stacks by
 * readiness; the health endpoints answer.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = CrdsInMockServer.class)
class OperatorMetricsEndpointTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @TestHTTPResource("/")
    URI root;

    @Test
    void theMetricsEndpointServesReconcileMetricsAfterAReconcile() throws Exception {
        create("metrics");
        // One stack's reconciles fail, so that failures and the retries that follow are counted too: the API server
        // refuses its Deployment three times, with a 422 (the client itself would retry a 5xx). Three, because
        // java-operator-sdk resubmits a failed reconcile at once, as no retry, when an event arrived meanwhile (the
        // stack's own ServiceAccount and Service, its failure status); a later failure then waits for a real retry.
        server.expect()
                .post()
                .withPath("/apis/apps/v1/namespaces/metricsfail/deployments")
                .andReturn(
                        422,
                        new StatusBuilder()
                                .withStatus("Failure")
                                .withReason("Invalid")
                                .withMessage("injected refusal")
                                .withCode(422)
                                .build())
                .times(3);
        create("metricsfail");
        await().atMost(TIMEOUT)
                .until(() -> client.apps()
                                        .deployments()
                                        .inNamespace("metricsfail")
                                        .withName("shop-web")
                                        .get()
                                != null
                        && client.resources(AppStack.class)
                                        .inNamespace("metrics")
                                        .withName("shop")
                                        .get()
                                        .getStatus()
                                != null);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            String metrics = get("q/metrics").body();
            assertThat(metrics)
                    .containsPattern("reconciliations_success_total\\{[^}]*controller_name=\"appstack\"[^}]*} [1-9]");
            assertThat(metrics)
                    .containsPattern("reconciliations_failure_total\\{[^}]*controller_name=\"appstack\"[^}]*} [1-9]");
            assertThat(metrics)
                    .containsPattern(
                            "reconciliations_execution_duration_seconds_count\\{[^}]*controller_name=\"appstack\"");
            assertThat(metrics).containsPattern("atonix_appstacks\\{[^}]*ready=\"False\"[^}]*} [1-9]");
            Set<String> served = metrics.lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0])
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(served).as("every metric the operator's dashboard reads").containsAll(KnownMetrics.OPERATOR);
        });
    }

    @Test
    void healthEndpointsAnswerAndReadinessIncludesTheOperatorsInformers() throws Exception {
        HttpResponse<String> ready = get("q/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("Quarkus Operator SDK health check").contains("\"appstack\"");
        assertThat(get("q/health/live").statusCode()).isEqualTo(200);
    }

    private void create(String namespace) {
        AppStack stack = TestStacks.stack(namespace, "shop", TestStacks.service("web", "nginx:1.27", 8080));
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(root.resolve(path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
