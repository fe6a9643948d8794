package io.atonix.api.v1beta1.appstack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * One event that scales a service, through KEDA where the cluster runs it: the lag of the service's consumer group on
 * a topic it consumes, a cron window, or the value of a Prometheus query.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "[has(self.kafkaLag), has(self.cron), has(self.prometheus)].filter(x, x).size() == 1",
        message = "a trigger names exactly one of kafkaLag, cron and prometheus")
public record AutoscaleTrigger(
        @Required
        @Size(min = 1, max = 63)
        @Pattern("^[a-z]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription(
                "Name of the trigger, unique in the service: a DNS label. KEDA reports the trigger's metric under it.")
        String name,

        @JsonPropertyDescription(
                "Scales on the lag of the service's own consumer group (KAFKA_CONSUMER_GROUP) on a topic the service consumes.")
        KafkaLagTrigger kafkaLag,

        @JsonPropertyDescription("Runs desiredReplicas pods between a start and an end schedule.")
        CronTrigger cron,

        @JsonPropertyDescription("Scales on the value of a Prometheus query.")
        PrometheusTrigger prometheus) {}
