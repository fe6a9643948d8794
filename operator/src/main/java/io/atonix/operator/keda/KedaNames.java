package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Names;

/** Names of a service's KEDA objects: the ScaledObject is named like its Deployment. */
public final class KedaNames {

    private KedaNames() {}

    public static String scaledObject(AppStack stack, ServiceSpec service) {
        return Names.service(stack.getMetadata().getName(), service.name());
    }

    /** The TriggerAuthentication of the service's Kafka lag triggers, {@code <stack>-<service>-kafka}. */
    public static String kafkaAuthentication(AppStack stack, ServiceSpec service) {
        return Names.service(stack.getMetadata().getName(), service.name()) + "-kafka";
    }
}
