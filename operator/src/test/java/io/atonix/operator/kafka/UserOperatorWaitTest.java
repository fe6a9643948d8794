package io.atonix.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.AppStackStatus;
import io.atonix.api.v1beta1.appstack.ComponentStatus;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.atonix.operator.appstack.AppStackStatusBuilder;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bound of the wait for Strimzi's User Operator, measured from the KafkaUser's creation time (kept by the API
 * server): what the stack says within it and after it.
 */
class UserOperatorWaitTest {
    private static final Duration BOUND = Duration.ofMinutes(10);
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void withinTheBoundAMissingUserSecretIsOnlyAWait() {
        GenericKubernetesResource user = user(NOW.minus(Duration.ofMinutes(9)));
        assertThat(UserOperatorWait.overdue(user, "api", false, BOUND, NOW)).isEmpty();

        ComponentStatus kafka = component(List.of());
        assertThat(kafka.reason()).isEqualTo(KafkaStatus.REASON_CREATING);
        assertThat(kafka.message()).contains("1 binding Secret(s) wait for Strimzi's user Secrets");
        assertThat(degraded(kafka).status()).isEqualTo(Condition.FALSE);
    }

    @Test
    void aUserSecretThatExistsIsNeverOverdueHoweverOldTheUser() {
        assertThat(UserOperatorWait.overdue(user(NOW.minus(Duration.ofDays(30))), "api", true, BOUND, NOW))
                .isEmpty();
    }

    @Test
    void afterTheBoundTheStackIsDegradedSayingWhichUserSinceWhenAndWhatToDo() {
        Optional<String> overdue =
                UserOperatorWait.overdue(user(Instant.parse("2026-12-02T11:00:00Z")), "api", false, BOUND, NOW);
        assertThat(overdue)
                .hasValueSatisfying(why -> assertThat(why)
                        .contains(
                                "User Operator did not create the Secret of KafkaUser kafka/app-shop-api within 10m",
                                "created 2026-12-02T11:00:00Z",
                                "is it running?",
                                "binding Secret of service api waits for it",
                                "start the User Operator, or remove the service's uses of Kafka"));

        ComponentStatus kafka = component(List.of(overdue.get()));
        assertThat(kafka.reason()).isEqualTo(WaitStart.EXCEEDED);
        Condition degraded = degraded(kafka);
        assertThat(degraded.status()).isEqualTo(Condition.TRUE);
        assertThat(degraded.reason()).isEqualTo(WaitStart.EXCEEDED);
        assertThat(degraded.message()).startsWith("Kafka: ").contains(overdue.get());
    }

    private static GenericKubernetesResource user(Instant created) {
        GenericKubernetesResource user = new GenericKubernetesResource();
        user.setKind("KafkaUser");
        user.setMetadata(new ObjectMetaBuilder()
                .withName("app-shop-api")
                .withNamespace("kafka")
                .withCreationTimestamp(created.toString())
                .build());
        return user;
    }

    private static ComponentStatus component(List<String> overdue) {
        return KafkaStatus.observed(
                stack(),
                List.of(),
                Map.of(),
                List.of(),
                Map.of(),
                new KafkaBindingSecrets.Count(1, 0, overdue),
                List.of(),
                List.of());
    }

    private static Condition degraded(ComponentStatus kafka) {
        AppStackStatus status = AppStackStatusBuilder.observed(stack(), Map.of(), null, null, kafka, NOW);
        return Conditions.find(status.conditions(), ConditionTypes.DEGRADED).orElseThrow();
    }

    private static AppStack stack() {
        return KafkaStacks.shop("app", "kafka", DeletionPolicy.Retain);
    }
}
