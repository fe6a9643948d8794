package io.atonix.operator.kafka;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaUse;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.operator.common.DesiredHash;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthentication;
import io.strimzi.api.kafka.model.user.KafkaUserBuilder;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.KafkaUserTlsClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleBuilder;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResourceBuilder;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResourceBuilder;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Strimzi KafkaUser per service that uses Kafka, allowed exactly what its use of Kafka declares: a producer
 * may write to and describe its topics, a consumer may read and describe its topics and read as its own consumer
 * group, {@code <namespace>.<stack>.<service>}. Every rule names one resource literally; nothing is granted by prefix,
 * and only topics the stack may have are granted (see {@link KafkaTopicPlan}).
 */
public final class KafkaUsers {

    private KafkaUsers() {}

    /** Strimzi's model of the users; {@link StrimziObjects#atVersion} gives them the version the cluster serves. */
    /**
     * @param grants the stack's name of each topic its services may be granted, to the topic's name in Kafka: a use of
     *               any other topic gets no rule
     */
    public static List<KafkaUser> desired(
            AppStack stack, KafkaAuthentication authentication, Map<String, String> grants) {
        if (stack.getSpec().kafka() == null) {
            return List.of();
        }
        List<KafkaUser> users = new ArrayList<>();
        for (ServiceSpec service : stack.getSpec().workloads()) {
            if (uses(service) != null) {
                users.add(desired(stack, service, authentication, grants));
            }
        }
        return users;
    }

    /**
     * The service's use of Kafka, or null: at most one (CEL and the validator), since all of a service's pods share one
     * KafkaUser and one consumer group; a second use would add a name, not an identity.
     */
    static ServiceUse uses(ServiceSpec service) {
        return service.uses(UseKind.Kafka).stream().findFirst().orElse(null);
    }

    static KafkaUser desired(
            AppStack stack, ServiceSpec service, KafkaAuthentication authentication, Map<String, String> grants) {
        String stackName = stack.getMetadata().getName();
        KafkaUser user = new KafkaUserBuilder()
                .withNewMetadata()
                .withName(KafkaNames.user(stack.getMetadata().getNamespace(), stackName, service.name()))
                .withNamespace(KafkaTopics.clusterNamespace(stack))
                .withLabels(KafkaLabels.user(
                        stack,
                        service.name(),
                        stack.getSpec().kafka().clusterRef().name()))
                .endMetadata()
                .withNewSpec()
                .withAuthentication(authentication(authentication))
                .withNewKafkaUserAuthorizationSimple()
                .withAcls(acls(
                        KafkaNames.consumerGroup(stack.getMetadata().getNamespace(), stackName, service.name()),
                        uses(service).kafka(),
                        grants))
                .endKafkaUserAuthorizationSimple()
                .withNewTemplate()
                .withNewSecret()
                .withNewMetadata()
                .withLabels(KafkaLabels.userSecret(stack, service.name()))
                .endMetadata()
                .endSecret()
                .endTemplate()
                .endSpec()
                .build();
        return DesiredHash.stamp(user);
    }

    static List<AclRule> acls(String consumerGroup, KafkaUse use, Map<String, String> grants) {
        List<AclRule> rules = new ArrayList<>();
        for (String topic : use.produce()) {
            if (grants.containsKey(topic)) {
                rules.add(topicRule(grants.get(topic), AclOperation.WRITE, AclOperation.DESCRIBE));
            }
        }
        for (String topic : use.consume()) {
            if (grants.containsKey(topic)) {
                rules.add(topicRule(grants.get(topic), AclOperation.READ, AclOperation.DESCRIBE));
            }
        }
        if (use.consume().stream().anyMatch(grants::containsKey)) {
            rules.add(new AclRuleBuilder()
                    .withType(AclRuleType.ALLOW)
                    .withResource(new AclRuleGroupResourceBuilder()
                            .withName(consumerGroup)
                            .withPatternType(AclResourcePatternType.LITERAL)
                            .build())
                    .withOperations(AclOperation.READ)
                    .build());
        }
        return rules;
    }

    private static AclRule topicRule(String topic, AclOperation... operations) {
        return new AclRuleBuilder()
                .withType(AclRuleType.ALLOW)
                .withResource(new AclRuleTopicResourceBuilder()
                        .withName(topic)
                        .withPatternType(AclResourcePatternType.LITERAL)
                        .build())
                .withOperations(operations)
                .build();
    }

    private static KafkaUserAuthentication authentication(KafkaAuthentication authentication) {
        return switch (authentication) {
            case SCRAM_SHA_512 -> new KafkaUserScramSha512ClientAuthentication();
            case TLS -> new KafkaUserTlsClientAuthentication();
        };
    }
}
