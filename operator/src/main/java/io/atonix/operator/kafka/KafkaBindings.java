package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaUse;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.binding.ServiceBinding;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.Owners;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The binding Secret of a service's use of Kafka, {@code <stack>-kafka-<service>-<use>-login} in the stack's namespace, with the
 * keys of the servicebinding.io Kafka type: Strimzi writes the user's credentials next to the Kafka cluster, where the
 * service's pods cannot read them; this copy is where they run, and is rewritten when Strimzi rotates them.
 */
public final class KafkaBindings {
    /** The app.kubernetes.io/component label that tells these Secrets from the stack's other generated Secrets. */
    static final String COMPONENT = "kafka-binding";

    private KafkaBindings() {}

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
        put(data, ServiceBinding.TYPE, KafkaBinding.TYPE);
        put(data, ServiceBinding.PROVIDER, KafkaBinding.STRIMZI);
        put(data, KafkaBinding.BOOTSTRAP_SERVERS, access.bootstrapServers());
        put(data, KafkaBinding.SECURITY_PROTOCOL, access.securityProtocol());
        put(data, ServiceBinding.USERNAME, userSecret.getMetadata().getName());
        List<String> copied = access.authentication() == KafkaAuthentication.SCRAM_SHA_512
                ? KafkaBinding.SCRAM_KEYS
                : KafkaBinding.TLS_KEYS;
        for (String key : copied) {
            String value = userSecret.getData().get(key);
            if (value == null) {
                return Optional.empty();
            }
            data.put(key, value);
        }
        if (access.authentication() == KafkaAuthentication.SCRAM_SHA_512) {
            put(data, KafkaBinding.SASL_MECHANISM, "SCRAM-SHA-512");
        }
        KafkaUse use = KafkaUsers.uses(service).kafka();
        KafkaClientNames.topics(stack, use)
                .forEach((topic, kafkaName) -> put(data, KafkaBinding.TOPIC_KEY_PREFIX + topic, kafkaName));
        String group = KafkaClientNames.consumerGroup(stack, service, use);
        if (group != null) {
            put(data, KafkaBinding.CONSUMER_GROUP, group);
        }
        if (access.encrypted() && !access.caCertificates().isEmpty()) {
            put(data, KafkaBinding.CA_CRT, String.join("\n", access.caCertificates()));
        }
        String stackName = stack.getMetadata().getName();
        Map<String, String> labels = Labels.forService(stackName, service.name());
        labels.put(Labels.COMPONENT, COMPONENT);
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(secretName(stack, service))
                .withNamespace(stack.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(Owners.controller(stack))
                .endMetadata()
                .withType(KafkaBinding.SECRET_TYPE)
                .withData(data)
                .build();
        return Optional.of(DesiredHash.stamp(secret));
    }

    /** The name of the service's Kafka binding Secret, after the login of its use of Kafka. */
    static String secretName(AppStack stack, ServiceSpec service) {
        return KafkaBinding.secretName(
                stack.getMetadata().getName(),
                Names.login(service.name(), KafkaUsers.uses(service).name()));
    }

    private static void put(Map<String, String> data, String key, String value) {
        data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
}
