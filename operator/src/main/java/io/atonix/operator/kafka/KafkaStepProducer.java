package io.atonix.operator.kafka;

import io.atonix.operator.common.OperatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The Kafka part of the AppStack controller, with the platform's allow-list of shared topics from the settings. */
@ApplicationScoped
public class KafkaStepProducer {

    @Produces
    @Singleton
    KafkaStep kafkaStep(OperatorConfig config) {
        return new KafkaStep(SharedTopics.parse(config.kafka().sharedTopics().orElse("")));
    }
}
