package io.atonix.operator.keda;

/**
 * How a stack's services with triggers are scaled, for the pure functions that build every object of a stack (render,
 * tests): with KEDA, by ScaledObjects, with Kafka lag triggers reaching the listener as {@code kafka} says; without,
 * by HorizontalPodAutoscalers. The controller asks the cluster instead, and each service's binding Secret.
 */
public record EventScaling(boolean kedaInstalled, KafkaClientSecurity kafka) {

    public static EventScaling withoutKeda() {
        return new EventScaling(false, null);
    }

    public static EventScaling keda(KafkaClientSecurity kafka) {
        return new EventScaling(true, kafka);
    }
}
