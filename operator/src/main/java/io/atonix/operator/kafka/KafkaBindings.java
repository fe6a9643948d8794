package io.atonix.operator.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.atonix.api.v1alpha1.appstack.AppStack;
import io.atonix.api.v1alpha1.appstack.ServiceSpec;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/**
 * The binding Secret of a service that uses Kafka, {@code <stack>-<service>-kafka} in the stack's namespace, with the
 * keys of the servicebinding.io Kafka type: Strimzi writes the user's credentials next to the Kafka cluster, where the
 * service's pods cannot read them; this copy is where they run, and is rewritten when Strimzi rotates them.
 */
public final class KafkaBindings {
    public static final String TYPE = "servicebinding.io/kafka";
    /** Keys of Strimzi's Secret of a SCRAM-SHA-512 user. */
    static final List<String> SCRAM_KEYS = List.of("password", "sasl.jaas.config");
    /** Keys of Strimzi's Secret of a TLS user. */
    static final List<String> TLS_KEYS = List.of("user.crt", "user.key", "user.p12", "user.password");

    private KafkaBindings() {
    }

    /**
     * The binding Secret, or none while it cannot be complete: Strimzi has not yet reported the listener's address
     * or created the user's Secret.
     *
     * @param userSecret the Secret Strimzi created for the service's KafkaUser, or null while there is none
     */
    public static Optional<Secret> desired(AppStack stack, ServiceSpec service, KafkaAccess access, Secret userSecret) {
        if (access.bootstrapServers() == null || userSecret == null || userSecret.getData() == null) {
            return Optional.empty();
        }
        Map<String, String> data = new TreeMap<>();
        put(data, "type", "kafka");
        put(data, "provider", "strimzi");
        put(data, "bootstrap-servers", access.bootstrapServers());
        put(data, "security-protocol", access.securityProtocol());
        put(data, "username", userSecret.getMetadata().getName());
        List<String> copied = access.authentication() == KafkaAuthentication.SCRAM_SHA_512 ? SCRAM_KEYS : TLS_KEYS;
        for (String key : copied) {
            String value = userSecret.getData().get(key);
            if (value == null) {
                return Optional.empty();
            }
            data.put(key, value);
        }
        if (access.authentication() == KafkaAuthentication.SCRAM_SHA_512) {
            put(data, "sasl-mechanism", "SCRAM-SHA-512");
        }
        if (access.encrypted() && !access.caCertificates().isEmpty()) {
            put(data, "ca.crt", String.join("\n", access.caCertificates()));
        }
        String stackName = stack.getMetadata().getName();
        Map<String, String> labels = Labels.forService(stackName, service.name());
        labels.put(Labels.COMPONENT, "kafka-binding");
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(KafkaNames.bindingSecret(stackName, service.name()))
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(Owners.controller(stack))
                .endMetadata()
                .withType(TYPE)
                .withData(data)
                .build();
        return Optional.of(DesiredHash.stamp(secret));
    }

    private static void put(Map<String, String> data, String key, String value) {
        data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
}
