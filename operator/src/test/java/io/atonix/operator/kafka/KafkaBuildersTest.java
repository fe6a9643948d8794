package io.atonix.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.operator.common.DesiredHash;
import io.atonix.operator.common.Labels;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaBuilder;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListenerBuilder;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationTls;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerType;
import io.strimzi.api.kafka.model.kafka.listener.ListenerStatusBuilder;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure builders of the Kafka part: every declared field reaches its object, and the ACLs are exactly the declared ones. */
class KafkaBuildersTest {
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private final AppStack stack = KafkaStacks.shop("shop", "kafka", DeletionPolicy.Retain);

    @Test
    void oneKafkaTopicPerDeclaredTopicNextToTheCluster() {
        List<KafkaTopic> topics = topics(stack);
        assertThat(topics)
                .extracting(t -> t.getMetadata().getName())
                .as("named in Kafka inside the stack's scope, <namespace>.<stack>.")
                .containsExactly("shop.shop.orders", "shop.shop.payments");
        KafkaTopic orders = topics.get(0);
        assertThat(orders.getMetadata().getNamespace()).isEqualTo("kafka");
        assertThat(orders.getMetadata().getOwnerReferences())
                .as("no owner reference can cross namespaces")
                .isNullOrEmpty();
        assertThat(orders.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", "events")
                .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
                .containsEntry(Labels.STACK, "shop")
                .containsEntry(Labels.STACK_NAMESPACE, "shop")
                .containsEntry(Labels.PART_OF, "shop")
                .doesNotContainKey("app.kubernetes.io/instance");
        assertThat(orders.getMetadata().getAnnotations()).containsKey(DesiredHash.ANNOTATION);
        assertThat(orders.getSpec().getTopicName()).isEqualTo("shop.shop.orders");
        assertThat(orders.getSpec().getPartitions()).isEqualTo(6);
        assertThat(orders.getSpec().getReplicas()).isEqualTo(3);
        assertThat(orders.getSpec().getConfig()).containsExactly(Map.entry("retention.ms", "604800000"));
        KafkaTopic payments = topics.get(1);
        assertThat(payments.getSpec().getPartitions()).as("the API's default").isEqualTo(1);
        assertThat(payments.getSpec().getReplicas()).as("the cluster's default").isNull();
        assertThat(payments.getSpec().getConfig()).isNullOrEmpty();
    }

    @Test
    void withoutAClusterNamespaceTopicsGoToTheStacksNamespace() {
        AppStack local = KafkaStacks.shop("shop", null, DeletionPolicy.Retain);
        assertThat(topics(local))
                .allSatisfy(t -> assertThat(t.getMetadata().getNamespace()).isEqualTo("shop"));
        assertThat(users(local, KafkaAuthentication.SCRAM_SHA_512))
                .allSatisfy(u -> assertThat(u.getMetadata().getNamespace()).isEqualTo("shop"));
    }

    @Test
    void topicNamesThatAreNoObjectNamesGetASafeNameAndKeepTheirOwn() {
        assertThat(KafkaNames.topicObject("orders.v1")).isEqualTo("orders.v1");
        String upper = KafkaNames.topicObject("Orders_V1");
        assertThat(upper).matches("orders-v1-[0-9a-f]{8}");
        assertThat(KafkaNames.topicObject("orders_v1"))
                .as("a different topic, a different object")
                .isNotEqualTo(upper)
                .matches("orders-v1-[0-9a-f]{8}");
        assertThat(KafkaNames.topicObject("_internal_")).matches("internal-[0-9a-f]{8}");
        assertThat(KafkaNames.topicObject("x".repeat(249).toUpperCase()))
                .hasSizeLessThanOrEqualTo(253)
                .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

        AppStack odd = KafkaStacks.shop(
                "shop",
                "kafka",
                DeletionPolicy.Retain,
                List.of(new KafkaTopicSpec("Orders_V1", null, null, null, null)),
                KafkaStacks.service("api", List.of("Orders_V1"), List.of()));
        KafkaTopic topic = topics(odd).get(0);
        assertThat(topic.getMetadata().getName()).isEqualTo(KafkaNames.topicObject("shop.shop.Orders_V1"));
        assertThat(topic.getSpec().getTopicName()).isEqualTo("shop.shop.Orders_V1");
        assertThat(users(odd, KafkaAuthentication.SCRAM_SHA_512)
                        .get(0)
                        .getSpec()
                        .getAuthorization())
                .satisfies(a -> assertThat(((AclRuleTopicResource) ((KafkaUserAuthorizationSimple) a)
                                        .getAcls()
                                        .get(0)
                                        .getResource())
                                .getName())
                        .as("ACLs name the topic, not the object")
                        .isEqualTo("shop.shop.Orders_V1"));
    }

    @Test
    void oneUserPerServiceThatUsesKafkaWithExactlyTheDeclaredAcls() {
        List<KafkaUser> users = users(stack, KafkaAuthentication.SCRAM_SHA_512);
        assertThat(users)
                .extracting(u -> u.getMetadata().getName())
                .containsExactly("shop-shop-api", "shop-shop-worker");
        KafkaUser api = users.get(0);
        assertThat(api.getMetadata().getNamespace()).isEqualTo("kafka");
        assertThat(api.getMetadata().getLabels())
                .containsEntry("strimzi.io/cluster", "events")
                .containsEntry(Labels.SERVICE, "api")
                .containsEntry(Labels.STACK, "shop")
                .containsEntry(Labels.STACK_NAMESPACE, "shop");
        assertThat(api.getSpec().getAuthentication().getType()).isEqualTo("scram-sha-512");
        assertThat(rules(api))
                .containsExactly(
                        "allow topic:literal:shop.shop.orders [Write, Describe]",
                        "allow topic:literal:shop.shop.payments [Read, Describe]",
                        "allow group:literal:shop.shop.api [Read]");
        assertThat(rules(users.get(1)))
                .containsExactly(
                        "allow topic:literal:shop.shop.orders [Read, Describe]",
                        "allow group:literal:shop.shop.worker [Read]");
        assertThat(api.getSpec().getTemplate().getSecret().getMetadata().getLabels())
                .as("Strimzi copies these onto its Secret, which the operator watches by them")
                .containsEntry(KafkaLabels.USER_SECRET, "true")
                .containsEntry(Labels.STACK, "shop")
                .containsEntry(Labels.STACK_NAMESPACE, "shop")
                .containsEntry(Labels.SERVICE, "api");
    }

    @Test
    void aProducerGetsNoGroupAndTlsListenersGetTlsUsers() {
        AppStack producer = KafkaStacks.shop(
                "shop",
                "kafka",
                DeletionPolicy.Retain,
                List.of(new KafkaTopicSpec("orders", null, null, null, null)),
                KafkaStacks.service("api", List.of("orders"), List.of()));
        KafkaUser user = users(producer, KafkaAuthentication.TLS).get(0);
        assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("tls");
        assertThat(rules(user)).containsExactly("allow topic:literal:shop.shop.orders [Write, Describe]");
    }

    @Test
    void longUserNamesStayWithinALabelValue() {
        String name = KafkaNames.user("n".repeat(63), "s".repeat(30), "a".repeat(30));
        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(KafkaNames.user("n".repeat(63), "s".repeat(30), "b".repeat(30)))
                .isNotEqualTo(name);
    }

    @Test
    void bothApiVersionsSerializeWithTheOperationsList() throws Exception {
        for (StrimziApiVersion version : StrimziApiVersion.values()) {
            JsonNode user = new ObjectMapper()
                    .readTree(JSON.asJson(StrimziObjects.atVersion(
                            users(stack, KafkaAuthentication.SCRAM_SHA_512).get(0), version, JSON)));
            assertThat(user.get("apiVersion").asText()).isEqualTo("kafka.strimzi.io/" + version.version());
            assertThat(user.get("kind").asText()).isEqualTo("KafkaUser");
            JsonNode acl = user.at("/spec/authorization/acls/0");
            assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");
            assertThat(acl.has("operation")).as("v1 has no 'operation'").isFalse();
            assertThat(acl.get("operations").toString()).isEqualTo("[\"Write\",\"Describe\"]");
            assertThat(acl.at("/resource/type").asText()).isEqualTo("topic");
            // Strimzi leaves out its default, literal; a prefix pattern would always be written.
            assertThat(acl.at("/resource/patternType").asText()).isIn("", "literal");
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");

            JsonNode topic = new ObjectMapper()
                    .readTree(JSON.asJson(StrimziObjects.atVersion(topics(stack).get(0), version, JSON)));
            assertThat(topic.get("apiVersion").asText()).isEqualTo("kafka.strimzi.io/" + version.version());
            assertThat(topic.at("/spec/topicName").asText()).isEqualTo("shop.shop.orders");
            assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(6);
            assertThat(topic.at("/spec/config/retention.ms").asText()).isEqualTo("604800000");
        }
    }

    @Test
    void theListenerIsInternalFirstThenScramThenTls() {
        Kafka kafka = kafka(
                listener("external", KafkaListenerType.NODEPORT, true, "scram"),
                listener("mtls", KafkaListenerType.INTERNAL, true, "tls"),
                listener("plain", KafkaListenerType.INTERNAL, false, null),
                listener("scram", KafkaListenerType.INTERNAL, true, "scram"));
        KafkaAccess access = KafkaListeners.choose(kafka).orElseThrow();
        assertThat(access.listener()).isEqualTo("scram");
        assertThat(access.authentication()).isEqualTo(KafkaAuthentication.SCRAM_SHA_512);
        assertThat(access.securityProtocol()).isEqualTo("SASL_SSL");
        assertThat(access.bootstrapServers()).isEqualTo("events-kafka-bootstrap.kafka.svc:9093");
        assertThat(access.caCertificates())
                .containsExactly("-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n");

        KafkaAccess tls = KafkaListeners.choose(kafka(
                        listener("plain", KafkaListenerType.INTERNAL, false, null),
                        listener("mtls", KafkaListenerType.INTERNAL, true, "tls")))
                .orElseThrow();
        assertThat(tls.authentication()).isEqualTo(KafkaAuthentication.TLS);
        assertThat(tls.securityProtocol()).isEqualTo("SSL");
        assertThat(KafkaListeners.choose(kafka(listener("plain", KafkaListenerType.INTERNAL, false, "scram")))
                        .orElseThrow()
                        .securityProtocol())
                .isEqualTo("SASL_PLAINTEXT");
        assertThat(KafkaListeners.choose(kafka(listener("plain", KafkaListenerType.INTERNAL, false, null))))
                .isEmpty();
    }

    @Test
    void aScramBindingCopiesStrimzisCredentialsWithServiceBindingKeys() {
        KafkaAccess access = new KafkaAccess(
                "scram",
                KafkaAuthentication.SCRAM_SHA_512,
                true,
                "events-kafka-bootstrap.kafka.svc:9093",
                List.of("PEM"));
        Secret strimzi = strimziSecret("shop-shop-api", Map.of("password", "s3cret", "sasl.jaas.config", "jaas"));
        Secret binding = KafkaBindings.desired(stack, stack.getSpec().services().get(0), access, strimzi)
                .orElseThrow();
        assertThat(binding.getMetadata().getName()).isEqualTo("shop-kafka-api-events-login");
        assertThat(binding.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(binding.getType()).isEqualTo("servicebinding.io/kafka");
        assertThat(binding.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo("shop"));
        assertThat(binding.getMetadata().getLabels())
                .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
                .containsEntry(Labels.PART_OF, "shop");
        assertThat(decoded(binding))
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("type", "kafka"),
                        Map.entry("provider", "strimzi"),
                        Map.entry("bootstrap-servers", "events-kafka-bootstrap.kafka.svc:9093"),
                        Map.entry("security-protocol", "SASL_SSL"),
                        Map.entry("sasl-mechanism", "SCRAM-SHA-512"),
                        Map.entry("username", "shop-shop-api"),
                        Map.entry("password", "s3cret"),
                        Map.entry("sasl.jaas.config", "jaas"),
                        Map.entry("ca.crt", "PEM"),
                        Map.entry("topic.orders", "shop.shop.orders"),
                        Map.entry("topic.payments", "shop.shop.payments"),
                        Map.entry("consumer-group", "shop.shop.api")));
        assertThat(binding.getStringData()).as("stored as the server stores it").isNullOrEmpty();

        assertThat(KafkaBindings.desired(stack, stack.getSpec().services().get(0), access, null))
                .as("until Strimzi made the user")
                .isEmpty();
        assertThat(KafkaBindings.desired(
                        stack,
                        stack.getSpec().services().get(0),
                        new KafkaAccess("scram", KafkaAuthentication.SCRAM_SHA_512, true, null, List.of()),
                        strimzi))
                .as("until the listener has an address")
                .isEmpty();
    }

    @Test
    void aTlsBindingCarriesTheClientCertificate() {
        KafkaAccess access = new KafkaAccess("mtls", KafkaAuthentication.TLS, true, "b:9093", List.of("PEM"));
        Secret strimzi = strimziSecret(
                "shop-shop-api",
                Map.of(
                        "user.crt",
                        "crt",
                        "user.key",
                        "key",
                        "user.p12",
                        "p12",
                        "user.password",
                        "pw",
                        "ca.crt",
                        "clients-ca"));
        Map<String, String> data =
                decoded(KafkaBindings.desired(stack, stack.getSpec().services().get(0), access, strimzi)
                        .orElseThrow());
        assertThat(data)
                .containsEntry("security-protocol", "SSL")
                .containsEntry("user.crt", "crt")
                .containsEntry("user.key", "key")
                .containsEntry("user.p12", "p12")
                .containsEntry("user.password", "pw")
                .containsEntry("ca.crt", "PEM")
                .doesNotContainKeys("password", "sasl-mechanism", "sasl.jaas.config");
    }

    /** The topics of a stack on an operator that shares no topic outside the stacks' own names. */
    static List<KafkaTopic> topics(AppStack stack) {
        return KafkaTopics.desired(stack, KafkaTopicPlan.of(stack, SharedTopics.none()));
    }

    /** The users of a stack whose topics are all its own and free. */
    static List<KafkaUser> users(AppStack stack, KafkaAuthentication authentication) {
        return KafkaUsers.desired(
                stack,
                authentication,
                KafkaTopicPlan.of(stack, SharedTopics.none()).grants(java.util.Set.of()));
    }

    static List<String> rules(KafkaUser user) {
        KafkaUserAuthorizationSimple authorization =
                (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
        return authorization.getAcls().stream().map(KafkaBuildersTest::rule).toList();
    }

    private static String rule(AclRule rule) {
        String resource = rule.getResource() instanceof AclRuleTopicResource topic
                ? "topic:" + topic.getPatternType().toValue() + ":" + topic.getName()
                : "group:"
                        + ((AclRuleGroupResource) rule.getResource())
                                .getPatternType()
                                .toValue() + ":" + ((AclRuleGroupResource) rule.getResource()).getName();
        assertThat(rule.getOperation()).as("never the single operation").isNull();
        return rule.getType().toValue() + " " + resource + " "
                + rule.getOperations().stream().map(o -> o.toValue()).toList();
    }

    private static Kafka kafka(io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener... listeners) {
        return new KafkaBuilder()
                .withNewMetadata()
                .withName("events")
                .withNamespace("kafka")
                .endMetadata()
                .withNewSpec()
                .withNewKafka()
                .withListeners(listeners)
                .endKafka()
                .endSpec()
                .withNewStatus()
                .withListeners(List.of(listeners).stream()
                        .map(l -> new ListenerStatusBuilder()
                                .withName(l.getName())
                                .addNewAddress()
                                .withHost("events-kafka-bootstrap.kafka.svc")
                                .withPort(l.getPort())
                                .endAddress()
                                .withCertificates(
                                        l.isTls()
                                                ? List.of(
                                                        "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n")
                                                : null)
                                .build())
                        .toList())
                .endStatus()
                .build();
    }

    static io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener listener(
            String name, KafkaListenerType type, boolean tls, String auth) {
        return new GenericKafkaListenerBuilder()
                .withName(name)
                .withType(type)
                .withTls(tls)
                .withPort(tls ? 9093 : 9092)
                .withAuth(
                        "scram".equals(auth)
                                ? new KafkaListenerAuthenticationScramSha512()
                                : "tls".equals(auth) ? new KafkaListenerAuthenticationTls() : null)
                .build();
    }

    private static Secret strimziSecret(String name, Map<String, String> values) {
        SecretBuilder secret = new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("kafka")
                .endMetadata();
        values.forEach(
                (k, v) -> secret.addToData(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return secret.build();
    }

    private static Map<String, String> decoded(Secret secret) {
        Map<String, String> data = new java.util.TreeMap<>();
        secret.getData()
                .forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return data;
    }
}
