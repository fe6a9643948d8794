package io.atonix.operator.kafka;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Locale;

/**
 * The version of Strimzi's API ({@code kafka.strimzi.io}) the operator writes. Strimzi's Java classes carry one
 * version, but Strimzi 0.49+ serves {@code v1} and {@code v1beta2}, and Strimzi 1.x serves only {@code v1}: the
 * operator writes the version the cluster serves, preferring {@code v1}. The two shapes are the same for what the
 * operator writes (KafkaUser ACL rules always use the list {@code operations}, which both accept).
 */
public enum StrimziApiVersion {
    V1("v1"),
    V1BETA2("v1beta2");

    public static final String GROUP = "kafka.strimzi.io";
    public static final String KAFKA = "Kafka";
    public static final String KAFKA_TOPIC = "KafkaTopic";
    public static final String KAFKA_USER = "KafkaUser";

    private final String version;

    StrimziApiVersion(String version) {
        this.version = version;
    }

    public String version() {
        return version;
    }

    /** {@code kafka.strimzi.io/v1} or {@code kafka.strimzi.io/v1beta2}. */
    public String apiVersion() {
        return GROUP + "/" + version;
    }

    /** Where objects of a Strimzi kind live at this version; all three kinds the operator uses are namespaced. */
    public ResourceDefinitionContext context(String kind) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(GROUP)
                .withVersion(version)
                .withKind(kind)
                .withPlural(kind.toLowerCase(Locale.ROOT) + "s")
                .withNamespaced(true)
                .build();
    }

    /** {@code v1} or {@code v1beta2}, as a person writes it on the command line. */
    public static StrimziApiVersion parse(String text) {
        for (StrimziApiVersion candidate : values()) {
            if (candidate.version.equals(text)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown Strimzi API version '" + text + "'; expected v1 or v1beta2");
    }
}
