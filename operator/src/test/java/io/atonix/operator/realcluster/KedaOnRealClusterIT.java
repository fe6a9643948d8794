package io.atonix.operator.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.common.Updates;
import io.atonix.operator.keda.AutoscalingStatus;
import io.atonix.operator.keda.ScaledObject;
import io.atonix.operator.keda.ScaledObjectSpec.AuthenticationRef;
import io.atonix.operator.keda.ScaledObjectSpec.Trigger;
import io.atonix.operator.keda.ScaledObjectStatus;
import io.atonix.operator.keda.ScaledStacks;
import io.atonix.operator.keda.TriggerAuthentication;
import io.atonix.operator.keda.TriggerAuthenticationSpec.SecretTarget;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Event-driven autoscaling on a real API server with KEDA v2.21.0's real CRDs: the packaged operator, with the
 * chart's rights, writes ScaledObjects and TriggerAuthentications that pass the server's schema (a Prometheus trigger
 * with the platform's ClusterTriggerAuthentication among them), removes the HPA of a
 * service once triggers scale it, and lets KEDA read only the service's own binding Secret. KEDA itself does not run:
 * what it would do with the objects is its own project's business.
 */
@ExtendWith(RealCluster.class)
class KedaOnRealClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static ClassCrds apis;
    private static OperatorProcess operator;

    @BeforeAll
    static void start() throws Exception {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "keda");
        // Before the operator starts, which then finds KEDA at its first look.
        apis = KedaApisOnRealCluster.install(admin);
        // The platform's Prometheus with credentials: the web's Prometheus trigger asks it through them.
        operator = OperatorProcess.start(
                RealCluster.plane(),
                "keda",
                ChartIdentity.of(RealCluster.plane()),
                Map.of(
                        "ATONIX_KEDA_PROMETHEUS_SERVER_ADDRESS", ScaledStacks.PROMETHEUS,
                        "ATONIX_KEDA_PROMETHEUS_AUTHENTICATION_NAME", "platform-prometheus",
                        "ATONIX_KEDA_PROMETHEUS_AUTH_MODES", "bearer,tls"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            try {
                if (operator != null) {
                    operator.close();
                }
            } finally {
                if (apis != null) {
                    apis.close();
                }
                if (admin != null) {
                    admin.close();
                }
            }
        }
    }

    @Test
    void triggersReplaceTheServicesHpaWithAScaledObjectThatPassesTheServerAndReadsOnlyItsOwnSecret() throws Exception {
        String ns = namespaces.restricted("shop");
        ServiceSpec cpuWorker = TestStacks.withAutoscale(ScaledStacks.worker(), new Autoscale(1, 12, null, null));
        AppStack stack = ScaledStacks.shop(ns, cpuWorker, ScaledStacks.web(), ScaledStacks.api());
        stack.getMetadata().setUid(null);
        stack.getMetadata().setGeneration(null);
        admin.resource(stack).create();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(hpas(ns)).containsExactlyInAnyOrder("shop-worker", "shop-api");
            assertThat(scaledObjects(ns)).containsExactly("shop-web");
        });

        // The worker now scales from zero on the lag of its topic: its HPA goes, its ScaledObject comes.
        Updates.change(
                admin,
                AppStack.class,
                ns,
                "shop",
                s -> s.setSpec(ScaledStacks.shop(ns).getSpec()));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(hpas(ns))
                    .as("no HPA of the operator's for a service KEDA scales")
                    .containsExactly("shop-api");
            assertThat(scaledObjects(ns)).containsExactlyInAnyOrder("shop-worker", "shop-web");
        });
        ScaledObject worker = admin.resources(ScaledObject.class)
                .inNamespace(ns)
                .withName("shop-worker")
                .get();
        assertThat(worker.getSpec().minReplicaCount()).isZero();
        assertThat(worker.getSpec().triggers().get(0).metadata())
                .containsEntry("consumerGroup", ns + ".shop.worker")
                .containsEntry("topic", ns + ".shop.orders");
        assertThat(worker.getSpec().triggers().get(0).authenticationRef().name())
                .isEqualTo("shop-worker-kafka");
        Trigger requests = admin.resources(ScaledObject.class)
                .inNamespace(ns)
                .withName("shop-web")
                .get()
                .getSpec()
                .triggers()
                .get(0);
        assertThat(requests.authenticationRef())
                .as("the platform's credentials, stored by a server that checks KEDA's schema")
                .isEqualTo(new AuthenticationRef("platform-prometheus", AuthenticationRef.CLUSTER));
        assertThat(requests.metadata()).containsEntry("authModes", "bearer,tls");
        List<TriggerAuthentication> authentications = admin.resources(TriggerAuthentication.class)
                .inNamespace(ns)
                .list()
                .getItems();
        assertThat(authentications)
                .singleElement()
                .satisfies(a -> assertThat(a.getSpec().secretTargetRef())
                        .isNotEmpty()
                        .extracting(SecretTarget::name)
                        .as("the worker's own Kafka binding Secret and no other")
                        .containsOnly("shop-kafka-worker-events-login"));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(autoscaling(ns).reason()).isEqualTo(AutoscalingStatus.REASON_ACTIVE));

        // Steady state: KEDA reports on the ScaledObject, the stack reconciles, and the operator writes nothing (what
        // the server defaulted in KEDA's objects is no drift).
        AuditLog audit = new AuditLog(RealCluster.plane().auditLog());
        audit.awaitSettled(operator.user(), ns, Duration.ofSeconds(5), TIMEOUT);
        long mark = audit.mark();
        Instant windowStart = Instant.now();
        long before = operator.reconciliationsOf(ns, "shop");
        Updates.changeStatus(
                admin,
                ScaledObject.class,
                ns,
                "shop-worker",
                so -> so.setStatus(new ScaledObjectStatus(List.of(new ConditionBuilder()
                        .withType("Ready")
                        .withStatus("True")
                        .withReason("ScaledObjectReady")
                        .withMessage("ScaledObject is defined correctly and is ready for scaling")
                        .build()))));
        assertThat(audit.writesDuring(
                        operator.user(),
                        ns,
                        mark,
                        windowStart,
                        Duration.ofSeconds(10),
                        () -> operator.reconciliationsOf(ns, "shop") > before,
                        TIMEOUT))
                .as("writing requests of the operator while reconciling an unchanged stack")
                .isEmpty();

        // Without triggers the worker is back on an HPA, and its ScaledObject and credentials go.
        Updates.change(admin, AppStack.class, ns, "shop", s -> s.setSpec(stack.getSpec()));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(hpas(ns)).containsExactlyInAnyOrder("shop-worker", "shop-api");
            assertThat(scaledObjects(ns)).containsExactly("shop-web");
            assertThat(admin.resources(TriggerAuthentication.class)
                            .inNamespace(ns)
                            .list()
                            .getItems())
                    .isEmpty();
        });
    }

    private static List<String> hpas(String ns) {
        return admin.resources(HorizontalPodAutoscaler.class).inNamespace(ns).list().getItems().stream()
                .map(h -> h.getMetadata().getName())
                .toList();
    }

    private static List<String> scaledObjects(String ns) {
        return admin.resources(ScaledObject.class).inNamespace(ns).list().getItems().stream()
                .map(h -> h.getMetadata().getName())
                .toList();
    }

    private static ComponentStatus autoscaling(String ns) {
        AppStack stack =
                admin.resources(AppStack.class).inNamespace(ns).withName("shop").get();
        assertThat(stack.getStatus()).isNotNull();
        return stack.getStatus().components().stream()
                .filter(c -> c.component().equals(AutoscalingStatus.COMPONENT))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Autoscaling component in " + stack.getStatus()));
    }
}
