package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.Autoscale;
import io.atonix.api.v1beta1.appstack.AutoscaleTrigger;
import io.atonix.api.v1beta1.appstack.CronTrigger;
import io.atonix.api.v1beta1.appstack.KafkaLagTrigger;
import io.atonix.api.v1beta1.appstack.PrometheusTrigger;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.PrometheusSettings;
import io.atonix.operator.kafka.KafkaClientNames;
import io.atonix.operator.keda.ScaledObjectSpec.AuthenticationRef;
import io.atonix.operator.keda.ScaledObjectSpec.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The triggers of a service's ScaledObject, in the words of KEDA's scalers: the spec's event triggers in their order,
 * then CPU (and memory when set) as the HorizontalPodAutoscaler would use them. KEDA's Kafka scaler reads the lag of
 * the consumer group the operator grants the service, on the topic's name in Kafka, with the bootstrap servers from
 * the app container's environment (itself from the binding Secret) and the credentials through the
 * TriggerAuthentication of that same Secret.
 */
final class KedaTriggers {

    private KedaTriggers() {}

    static List<Trigger> of(
            AppStack stack, ServiceSpec service, KafkaClientSecurity security, PrometheusSettings platform) {
        Autoscale autoscale = service.autoscale();
        List<Trigger> triggers = new ArrayList<>();
        for (AutoscaleTrigger trigger : autoscale.triggers()) {
            if (trigger.kafkaLag() != null) {
                kafka(stack, service, trigger.name(), trigger.kafkaLag(), security)
                        .ifPresent(triggers::add);
            } else if (trigger.cron() != null) {
                triggers.add(cron(trigger.name(), trigger.cron()));
            } else if (trigger.prometheus() != null) {
                triggers.add(prometheus(trigger.name(), trigger.prometheus(), platform));
            }
        }
        triggers.add(utilization("cpu", autoscale.targetCpuOrDefault()));
        if (autoscale.targetMemoryUtilizationPercentage() != null) {
            triggers.add(utilization("memory", autoscale.targetMemoryUtilizationPercentage()));
        }
        return triggers;
    }

    private static Optional<Trigger> kafka(
            AppStack stack, ServiceSpec service, String name, KafkaLagTrigger lag, KafkaClientSecurity security) {
        return KafkaLagBinding.of(stack, service).flatMap(binding -> {
            String topic = KafkaClientNames.topics(stack, binding.use().kafka()).get(lag.topic());
            String group =
                    KafkaClientNames.consumerGroup(stack, service, binding.use().kafka());
            if (topic == null || group == null) {
                // Refused by CEL and the validator: the topic must be one the service consumes.
                return Optional.empty();
            }
            Map<String, String> metadata = new TreeMap<>();
            metadata.put("bootstrapServersFromEnv", binding.bootstrapServersVariable());
            metadata.put("consumerGroup", group);
            metadata.put("topic", topic);
            metadata.put("lagThreshold", Integer.toString(lag.lagThresholdOrDefault()));
            metadata.put("activationLagThreshold", Integer.toString(lag.activationLagThresholdOrDefault()));
            metadata.put("tls", security.tls() ? "enable" : "disable");
            if (security.scram()) {
                metadata.put("sasl", "scram_sha512");
            }
            return Optional.of(new Trigger(
                    "kafka",
                    name,
                    null,
                    metadata,
                    new AuthenticationRef(KedaNames.kafkaAuthentication(stack, service))));
        });
    }

    private static Trigger cron(String name, CronTrigger cron) {
        Map<String, String> metadata = new TreeMap<>();
        metadata.put("timezone", cron.timezone());
        metadata.put("start", cron.start());
        metadata.put("end", cron.end());
        metadata.put("desiredReplicas", Integer.toString(cron.desiredReplicas()));
        return new Trigger("cron", name, null, metadata, null);
    }

    /**
     * A trigger that asks the platform's Prometheus references the platform's ClusterTriggerAuthentication: the
     * application team names neither the credentials nor the object that holds them. A trigger that names another
     * server asks it without them, so that a stack cannot have KEDA send the platform's credentials anywhere.
     */
    private static Trigger prometheus(String name, PrometheusTrigger prometheus, PrometheusSettings platform) {
        Map<String, String> metadata = new TreeMap<>();
        String server = prometheus.serverAddress() == null ? platform.serverAddress() : prometheus.serverAddress();
        metadata.put("serverAddress", server);
        metadata.put("query", prometheus.query());
        metadata.put("threshold", prometheus.threshold());
        if (prometheus.activationThreshold() != null) {
            metadata.put("activationThreshold", prometheus.activationThreshold());
        }
        if (platform.authentication() == null || !server.equals(platform.serverAddress())) {
            return new Trigger("prometheus", name, null, metadata, null);
        }
        metadata.put("authModes", String.join(",", platform.authModes()));
        return new Trigger(
                "prometheus",
                name,
                null,
                metadata,
                new AuthenticationRef(platform.authentication(), AuthenticationRef.CLUSTER));
    }

    /** Unnamed, so that no name of the spec's triggers can collide with it. */
    private static Trigger utilization(String resource, int percent) {
        return new Trigger(resource, null, "Utilization", Map.of("value", Integer.toString(percent)), null);
    }
}
