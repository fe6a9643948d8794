package io.atonix.operator.kafka;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaBuilder;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerType;
import io.strimzi.api.kafka.model.kafka.listener.ListenerStatusBuilder;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plays Strimzi's operators where none runs, against the mock API server or a real one with Strimzi's CRDs: a Kafka
 * cluster with its listener status, Ready or Unmanaged conditions on KafkaTopics and KafkaUsers, and the User
 * Operator's Secret of a user. Public for the benchmark, which plays the Cluster Operator the same way, and for the
 * real tier, which plays the Topic and User Operators in passes ({@link #catchUp}).
 */
public final class PlayStrimzi {
    static final String CA = "-----BEGIN CERTIFICATE-----\nMIIcluster\n-----END CERTIFICATE-----\n";
    private final KubernetesClient client;
    private final StrimziApiVersion version;

    public PlayStrimzi(KubernetesClient client, StrimziApiVersion version) {
        this.client = client;
        this.version = version;
    }

    /**
     * A Kafka with an internal SCRAM listener on TLS, reported Ready with its listeners by the Cluster Operator, and
     * shared with stacks of every namespace.
     */
    public void kafka(String namespace, String name) {
        kafka(namespace, name, KafkaSharing.ALL);
    }

    /**
     * As {@link #kafka(String, String)}, shared with the namespaces its platform team lists in
     * {@value KafkaSharing#ALLOWED_NAMESPACES} (with none when null).
     */
    public void kafka(String namespace, String name, String allowedNamespaces) {
        Kafka kafka = new KafkaBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withAnnotations(
                        allowedNamespaces == null
                                ? java.util.Map.of()
                                : java.util.Map.of(KafkaSharing.ALLOWED_NAMESPACES, allowedNamespaces))
                .endMetadata()
                .withNewSpec()
                .withNewKafka()
                .withListeners(
                        KafkaBuildersTest.listener("plain", KafkaListenerType.INTERNAL, false, null),
                        KafkaBuildersTest.listener("scram", KafkaListenerType.INTERNAL, true, "scram"))
                .endKafka()
                .endSpec()
                .build();
        GenericKubernetesResource created = operation(StrimziApiVersion.KAFKA)
                .inNamespace(namespace)
                .resource(StrimziObjects.atVersion(kafka, version, client.getKubernetesSerialization()))
                .create();
        kafka.setStatus(new io.strimzi.api.kafka.model.kafka.KafkaStatusBuilder()
                .withObservedGeneration(
                        created.getMetadata().getGeneration() == null
                                ? 1
                                : created.getMetadata().getGeneration())
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withLastTransitionTime("2026-01-01T00:00:00Z")
                .endCondition()
                .withListeners(new ListenerStatusBuilder()
                        .withName("scram")
                        .addNewAddress()
                        .withHost(name + "-kafka-bootstrap." + namespace + ".svc")
                        .withPort(9093)
                        .endAddress()
                        .withCertificates(CA)
                        .build())
                .build());
        GenericKubernetesResource withStatus =
                StrimziObjects.atVersion(kafka, version, client.getKubernetesSerialization());
        withStatus.setMetadata(created.getMetadata());
        operation(StrimziApiVersion.KAFKA)
                .inNamespace(namespace)
                .resource(withStatus)
                .updateStatus();
    }

    /** The cluster's owner changes the namespaces it is shared with. */
    void share(String namespace, String name, String allowedNamespaces) {
        operation(StrimziApiVersion.KAFKA).inNamespace(namespace).withName(name).edit(kafka -> {
            kafka.getMetadata().getAnnotations().put(KafkaSharing.ALLOWED_NAMESPACES, allowedNamespaces);
            return kafka;
        });
    }

    /** A KafkaTopic the platform team made by hand, outside every stack: named after its topic, with no stack labels. */
    void platformTopic(String namespace, String cluster, String topic) {
        GenericKubernetesResource object = new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("kafka.strimzi.io/" + version.version())
                .withKind(StrimziApiVersion.KAFKA_TOPIC)
                .withNewMetadata()
                .withName(topic)
                .withNamespace(namespace)
                .withLabels(Map.of(KafkaLabels.STRIMZI_CLUSTER, cluster))
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("topicName", topic, "partitions", 3)))
                .build();
        operation(StrimziApiVersion.KAFKA_TOPIC).resource(object).create();
    }

    /**
     * One pass of the Topic and User Operators over a namespace: each KafkaTopic and KafkaUser not reported Ready at its
     * current generation is, and each KafkaUser without a Secret gets one, with a password from {@code passwords}. An
     * object deleted or changed during the pass is left to the next one.
     */
    public void catchUp(String namespace, Supplier<String> passwords) {
        for (String kind : List.of(StrimziApiVersion.KAFKA_TOPIC, StrimziApiVersion.KAFKA_USER)) {
            for (GenericKubernetesResource object : list(kind, namespace)) {
                String name = object.getMetadata().getName();
                if (object.getMetadata().getDeletionTimestamp() != null) {
                    continue;
                }
                try {
                    if (!readyAtItsGeneration(object)) {
                        report(kind, namespace, name, "Ready");
                    }
                    if (kind.equals(StrimziApiVersion.KAFKA_USER)
                            && client.secrets()
                                            .inNamespace(namespace)
                                            .withName(name)
                                            .get()
                                    == null) {
                        userSecret(object, passwords.get());
                    }
                } catch (KubernetesClientException e) {
                    // Gone or changed meanwhile (a 404, a 409): the next pass sees it.
                }
            }
        }
    }

    private static boolean readyAtItsGeneration(GenericKubernetesResource object) {
        if (!(object.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
            return false;
        }
        Object observed = status.get("observedGeneration");
        Long generation = object.getMetadata().getGeneration();
        return observed instanceof Number number
                && number.longValue() == (generation == null ? 1 : generation)
                && status.get("conditions") instanceof List<?> conditions
                && conditions.stream()
                        .anyMatch(c -> c instanceof Map<?, ?> condition
                                && "Ready".equals(condition.get("type"))
                                && "True".equals(condition.get("status")));
    }

    GenericKubernetesResource get(String kind, String namespace, String name) {
        return operation(kind).inNamespace(namespace).withName(name).get();
    }

    List<GenericKubernetesResource> list(String kind, String namespace) {
        return operation(kind).inNamespace(namespace).list().getItems();
    }

    /** The Topic or User Operator reports a condition (Ready, or Unmanaged) for the object's current generation. */
    public void report(String kind, String namespace, String name, String condition) {
        for (int attempt = 1; ; attempt++) {
            GenericKubernetesResource object = get(kind, namespace, name);
            Long generation = object.getMetadata().getGeneration();
            object.getAdditionalProperties()
                    .put(
                            "status",
                            Map.of(
                                    "observedGeneration",
                                    generation == null ? 1 : generation,
                                    "conditions",
                                    List.of(Map.of(
                                            "type",
                                            condition,
                                            "status",
                                            "True",
                                            "lastTransitionTime",
                                            "2026-01-01T00:00:00Z"))));
            try {
                operation(kind).inNamespace(namespace).resource(object).updateStatus();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * The User Operator's Secret of a SCRAM user, labelled as the KafkaUser's template says and owned by the KafkaUser,
     * so that a real API server's garbage collector removes it with the user, as Strimzi's does. Writing it again with
     * another password is the User Operator's rotation.
     */
    public void userSecret(String namespace, String user, String password) {
        userSecret(get(StrimziApiVersion.KAFKA_USER, namespace, user), password);
    }

    private void userSecret(GenericKubernetesResource stored, String password) {
        String namespace = stored.getMetadata().getNamespace();
        String user = stored.getMetadata().getName();
        KafkaUser kafkaUser = client.getKubernetesSerialization().convertValue(stored, KafkaUser.class);
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(user)
                .withNamespace(namespace)
                .withOwnerReferences(
                        stored.getMetadata().getUid() == null
                                ? List.of()
                                : List.of(new OwnerReferenceBuilder()
                                        .withApiVersion(stored.getApiVersion())
                                        .withKind(stored.getKind())
                                        .withName(user)
                                        .withUid(stored.getMetadata().getUid())
                                        .build()))
                .withLabels(kafkaUser
                        .getSpec()
                        .getTemplate()
                        .getSecret()
                        .getMetadata()
                        .getLabels())
                .addToLabels("app.kubernetes.io/managed-by", "strimzi-user-operator")
                .endMetadata()
                .addToData("password", base64(password))
                .addToData(
                        "sasl.jaas.config",
                        base64("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                                + "\" password=\"" + password + "\";"))
                .build();
        Secret existing = client.secrets().inNamespace(namespace).withName(user).get();
        if (existing == null) {
            client.secrets().inNamespace(namespace).resource(secret).create();
        } else {
            existing.setData(secret.getData());
            client.secrets().inNamespace(namespace).resource(existing).update();
        }
    }

    private io.fabric8.kubernetes.client.dsl.MixedOperation<
                    GenericKubernetesResource,
                    io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
                    io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
            operation(String kind) {
        ResourceDefinitionContext context = version.context(kind);
        return client.genericKubernetesResources(context);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
