package io.atonix.operator.common;

/** Every name the operator derives from a resource's name, in one place. */
public final class Names {

    private Names() {
    }

    /** ServiceAccount, Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget and Ingress of a service. */
    public static String service(String stack, String service) {
        return stack + "-" + service;
    }

    public static String tlsSecret(String stack, String service) {
        return service(stack, service) + "-tls";
    }

    public static String postgres(String stack) {
        return stack + "-postgres";
    }

    public static String redis(String stack) {
        return stack + "-redis";
    }

    /** Name of the container that runs a service's application. */
    public static String appContainer() {
        return "app";
    }
}
