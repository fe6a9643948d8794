package io.atonix.operator.kafka;

import io.atonix.operator.common.OperatorConfig;
import io.atonix.operator.common.WaitBounds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The Kafka part of the AppStack controller, with the platform's allow-list of shared topics and the bounds of its
 * waits on Strimzi from the settings.
 */
@ApplicationScoped
public class KafkaStepProducer {

    @Produces
    @Singleton
    KafkaStep kafkaStep(OperatorConfig config, WaitBounds waits) {
        return new KafkaStep(SharedTopics.parse(config.kafka().sharedTopics().orElse("")), waits);
    }
}
