package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.AutoscaleTrigger;
import io.atonix.api.v1beta1.appstack.CronTrigger;
import io.atonix.api.v1beta1.appstack.KafkaClusterRef;
import io.atonix.api.v1beta1.appstack.KafkaLagTrigger;
import io.atonix.api.v1beta1.appstack.KafkaSpec;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.api.v1beta1.appstack.PrometheusTrigger;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.appstack.TestStacks;
import io.atonix.operator.appstack.TestUses;
import java.util.List;

/**
 * Stacks whose services scale on events: a worker that consumes orders and scales to zero on their lag, a web service
 * that scales on a Prometheus query and an office-hours window, and an api on CPU alone.
 */
public final class ScaledStacks {
    public static final String PROMETHEUS = "http://prometheus-operated.monitoring.svc:9090";

    private ScaledStacks() {}

    public static AutoscaleTrigger lag(String name, String topic, Integer threshold) {
        return new AutoscaleTrigger(name, new KafkaLagTrigger(topic, threshold, null), null, null);
    }

    public static AutoscaleTrigger officeHours() {
        return new AutoscaleTrigger(
                "office-hours", null, new CronTrigger("Europe/Berlin", "0 8 * * 1-5", "0 18 * * 1-5", 2), null);
    }

    public static AutoscaleTrigger requests() {
        return new AutoscaleTrigger(
                "requests",
                null,
                null,
                new PrometheusTrigger(PROMETHEUS, "sum(rate(http_requests_total{service=\"web\"}[2m]))", "50", "1"));
    }

    /** A worker that consumes orders and scales from zero on their lag. */
    public static ServiceSpec worker() {
        return TestStacks.withAutoscale(
                TestStacks.withUses(
                        TestStacks.worker("worker", "acme/worker:1"),
                        TestUses.kafka("events", List.of("payments"), List.of("orders"))),
                new Autoscale(0, 12, null, null, List.of(lag("orders-lag", "orders", 50))));
    }

    public static ServiceSpec web() {
        return TestStacks.withAutoscale(
                TestStacks.service("web", "acme/web:1", 8080),
                new Autoscale(1, 6, 70, 80, List.of(requests(), officeHours())));
    }

    public static ServiceSpec api() {
        return TestStacks.withAutoscale(TestStacks.service("api", "acme/api:1", 5000), new Autoscale(2, 5, 60, null));
    }

    public static AppStack shop(String namespace, ServiceSpec... services) {
        KafkaSpec kafka = new KafkaSpec(
                new KafkaClusterRef("events", "kafka"),
                List.of(
                        new KafkaTopicSpec("orders", 6, null, null, null),
                        new KafkaTopicSpec("payments", null, null, null, null)));
        return TestStacks.stack(
                namespace, "shop", TestStacks.spec(List.of(services), null, null, kafka, null, null, null));
    }

    public static AppStack shop(String namespace) {
        return shop(namespace, worker(), web(), api());
    }
}
