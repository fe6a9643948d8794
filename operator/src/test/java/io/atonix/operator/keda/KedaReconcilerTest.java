package io.atonix.operator.keda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceStatus;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.Updates;
import io.atonix.operator.kafka.PlayStrimzi;
import io.atonix.operator.kafka.StrimziApiVersion;
import io.atonix.operator.keda.TriggerAuthenticationSpec.SecretTarget;
import io.atonix.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AppStack controller on a cluster with Strimzi and KEDA (the mock API server; the tests play Strimzi's operators,
 * the Deployment controller and KEDA's scaling): ScaledObjects instead of HPAs for services with triggers, and a worker
 * KEDA scaled to zero is ready.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = KedaInMockServer.class)
class KedaReconcilerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    MeterRegistry meters;

    MockApiServer mock;

    @BeforeEach
    void harness() {
        mock = new MockApiServer(client, server, meters);
    }

    @Test
    void servicesWithTriggersGetScaledObjectsAndAWorkerKedaScaledToZeroIsReady() throws Exception {
        String ns = "scaled";
        for (String namespace : List.of("kafka", ns)) {
            client.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
        }
        PlayStrimzi strimzi = new PlayStrimzi(client, StrimziApiVersion.V1);
        strimzi.kafka("kafka", "events");
        AppStack stack = ScaledStacks.shop(ns);
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        client.resource(stack).create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(names(client.resources(ScaledObject.class)
                            .inNamespace(ns)
                            .list()
                            .getItems()))
                    .containsExactlyInAnyOrder("shop-worker", "shop-web");
            assertThat(names(client.resources(HorizontalPodAutoscaler.class)
                            .inNamespace(ns)
                            .list()
                            .getItems()))
                    .as("an HPA only for the service without triggers")
                    .containsExactly("shop-api");
            assertThat(client.resources(TriggerAuthentication.class)
                            .inNamespace(ns)
                            .withName("shop-worker-kafka")
                            .get())
                    .isNotNull();
        });

        // Strimzi makes the users and their Secrets: the worker's binding follows, and KEDA reads only it.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            strimzi.catchUp("kafka", () -> "secret");
            assertThat(client.secrets()
                            .inNamespace(ns)
                            .withName("shop-kafka-worker-events-login")
                            .get())
                    .isNotNull();
        });
        TriggerAuthentication authentication = client.resources(TriggerAuthentication.class)
                .inNamespace(ns)
                .withName("shop-worker-kafka")
                .get();
        assertThat(authentication.getSpec().secretTargetRef())
                .extracting(SecretTarget::parameter, SecretTarget::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("username", "shop-kafka-worker-events-login"),
                        org.assertj.core.groups.Tuple.tuple("password", "shop-kafka-worker-events-login"),
                        org.assertj.core.groups.Tuple.tuple("ca", "shop-kafka-worker-events-login"));
        assertThat(client.resources(ScaledObject.class)
                        .inNamespace(ns)
                        .withName("shop-worker")
                        .get()
                        .getSpec()
                        .triggers()
                        .get(0)
                        .metadata())
                .containsEntry("consumerGroup", ns + ".shop.worker")
                .containsEntry("sasl", "scram_sha512")
                .containsEntry("tls", "enable");

        // KEDA scales the idle worker to zero: the operator keeps that count, and the stack is ready all the same.
        Updates.change(
                client, Deployment.class, ns, "shop-worker", d -> d.getSpec().setReplicas(0));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            // The Deployment controller's part, again while the operator may still roll a template (the binding's
            // checksum).
            for (String deployment : List.of("shop-worker", "shop-web", "shop-api")) {
                try {
                    mock.markAvailable(ns, deployment);
                } catch (KubernetesClientException e) {
                    // The operator wrote it meanwhile (409): the next round marks it.
                }
            }
            AppStack stored = client.resources(AppStack.class)
                    .inNamespace(ns)
                    .withName("shop")
                    .get();
            assertThat(stored.getStatus()).isNotNull();
            assertThat(stored.getStatus().services())
                    .filteredOn(s -> s.name().equals("worker"))
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.replicas()).isZero();
                        assertThat(s.ready()).isTrue();
                    });
            assertThat(stored.getStatus().services()).allMatch(ServiceStatus::ready);
            assertThat(Conditions.find(stored.getStatus().conditions(), ConditionTypes.READY)
                            .orElseThrow()
                            .status())
                    .as("Ready, with the stack's status " + stored.getStatus())
                    .isEqualTo("True");
            assertThat(stored.getStatus().components())
                    .filteredOn(c -> c.component().equals(AutoscalingStatus.COMPONENT))
                    .singleElement()
                    .satisfies(c -> assertThat(c.reason()).isEqualTo(AutoscalingStatus.REASON_ACTIVE));
        });
        assertThat(client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("shop-worker")
                        .get()
                        .getSpec()
                        .getReplicas())
                .as("the operator leaves the count to KEDA")
                .isZero();

        // Steady state: a reconcile of the unchanged stack writes nothing.
        mock.awaitNoWrites();
        double before = mock.reconciliations();
        mock.markProgressed(ns, "shop-web");
        await().atMost(TIMEOUT).until(() -> mock.reconciliations() > before);
        List<String> writes = new ArrayList<>();
        for (RecordedRequest request : mock.drainRequests()) {
            if (!"GET".equals(request.getMethod()) && !request.getPath().contains("/deployments/shop-web/status")) {
                writes.add(request.getMethod() + " " + request.getPath());
            }
        }
        assertThat(writes)
                .as("writing requests of a reconcile of an unchanged stack")
                .isEmpty();

        // KEDA cannot reach Kafka: the Autoscaling component says so in KEDA's words, and the stack stays ready.
        Updates.changeStatus(
                client,
                ScaledObject.class,
                ns,
                "shop-worker",
                so -> so.setStatus(new ScaledObjectStatus(List.of(new io.fabric8.kubernetes.api.model.ConditionBuilder()
                        .withType("Ready")
                        .withStatus("False")
                        .withReason("ScaledObjectCheckFailed")
                        .withMessage("error establishing Kafka client")
                        .build()))));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AppStack stored = client.resources(AppStack.class)
                    .inNamespace(ns)
                    .withName("shop")
                    .get();
            assertThat(stored.getStatus().components())
                    .filteredOn(c -> c.component().equals(AutoscalingStatus.COMPONENT))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.reason()).isEqualTo(AutoscalingStatus.REASON_NOT_READY);
                        assertThat(c.message()).contains("ScaledObjectCheckFailed: error establishing Kafka client");
                    });
            assertThat(Conditions.find(stored.getStatus().conditions(), ConditionTypes.READY)
                            .orElseThrow()
                            .status())
                    .isEqualTo("True");
        });
    }

    private static List<String> names(List<? extends io.fabric8.kubernetes.api.model.HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getName()).toList();
    }
}
