package io.atonix.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.api.v1beta1.common.DeletionPolicy;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One Kafka cluster, many teams: a stack is granted only the topics and the consumer group it owns or is given. */
class KafkaIsolationTest {

    @Test
    void twoStacksOfTheSameNamesInTwoNamespacesShareNoTopicNoGroupAndNoUser() {
        List<KafkaUser> teamA = KafkaBuildersTest.users(
                KafkaStacks.shop("team-a", "kafka", DeletionPolicy.Retain), KafkaAuthentication.SCRAM_SHA_512);
        List<KafkaUser> teamB = KafkaBuildersTest.users(
                KafkaStacks.shop("team-b", "kafka", DeletionPolicy.Retain), KafkaAuthentication.SCRAM_SHA_512);

        List<String> resourcesOfA = resources(teamA);
        List<String> resourcesOfB = resources(teamB);
        assertThat(resourcesOfA)
                .as("every topic and group granted to team-a's stack")
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).contains(":team-a.shop."));
        assertThat(resourcesOfB).allSatisfy(r -> assertThat(r).contains(":team-b.shop."));
        assertThat(resourcesOfA).doesNotContainAnyElementsOf(resourcesOfB);
        assertThat(teamA)
                .extracting(u -> u.getMetadata().getName())
                .doesNotContainAnyElementsOf(
                        teamB.stream().map(u -> u.getMetadata().getName()).toList());
        assertThat(KafkaBuildersTest.topics(KafkaStacks.shop("team-a", "kafka", DeletionPolicy.Retain)))
                .extracting(t -> t.getMetadata().getName())
                .doesNotContainAnyElementsOf(
                        KafkaBuildersTest.topics(KafkaStacks.shop("team-b", "kafka", DeletionPolicy.Retain)).stream()
                                .map(t -> t.getMetadata().getName())
                                .toList());
    }

    @Test
    void aTopicOutsideTheStacksNamesIsNeitherCreatedNorGrantedAndTheStackIsToldWhy() {
        AppStack thief = stackUsing("team-b", new KafkaTopicSpec("orders", null, null, null, "team-a.shop.orders"));
        KafkaTopicPlan plan = KafkaTopicPlan.of(thief, SharedTopics.none());

        assertThat(KafkaTopics.desired(thief, plan)).isEmpty();
        assertThat(rules(thief, plan, Set.of())).isEmpty();
        assertThat(plan.refusals("team-b"))
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .contains("topic orders: team-a.shop.orders lies outside this stack's names (team-b.shop.*)")
                        .contains("kafka.sharedTopics")
                        .contains("no service is granted it"));
        assertThat(KafkaTopicPlan.of(thief, SharedTopics.parse("team-a.shop.orders:team-c"))
                        .refusals("team-b"))
                .as("shared with another namespace only")
                .hasSize(1);
    }

    @Test
    void aTopicWhoseScopedNameWouldExceedKafkasLimitIsRefusedWithHowMuchToShortenIt() {
        AppStack stack = stackUsing("team-b", new KafkaTopicSpec("o".repeat(240), null, null, null, null));
        KafkaTopicPlan plan = KafkaTopicPlan.of(stack, SharedTopics.none());

        assertThat(KafkaTopics.desired(stack, plan)).isEmpty();
        assertThat(rules(stack, plan, Set.of())).isEmpty();
        assertThat(plan.refusals("team-b"))
                .singleElement()
                .satisfies(r -> assertThat(r).contains("would be 252 characters, over Kafka's 249 (shorten it by 3)"));
    }

    @Test
    void aTopicThePlatformSharesWithTheNamespaceIsGrantedUnderItsOwnName() {
        AppStack reader = stackUsing("team-b", new KafkaTopicSpec("orders", null, null, null, "platform.audit"));
        KafkaTopicPlan plan = KafkaTopicPlan.of(reader, SharedTopics.parse("platform.audit:team-a,team-b; other:*"));

        assertThat(plan.refusals("team-b")).isEmpty();
        assertThat(plan.shared()).containsExactly("platform.audit");
        assertThat(rules(reader, plan, Set.of()))
                .containsExactly(
                        "allow topic:literal:platform.audit [Read, Describe]",
                        "allow group:literal:team-b.shop.api [Read]");
        assertThat(KafkaClientNames.topics(
                        reader,
                        KafkaUsers.uses(reader.getSpec().services().get(0)).kafka()))
                .as("what the service is told to read")
                .containsEntry("orders", "platform.audit");
    }

    @Test
    void aTopicWhoseKafkaTopicSomeoneElseHoldsIsGrantedToNoService() {
        AppStack stack = KafkaStacks.shop("team-a", "kafka", DeletionPolicy.Retain);
        KafkaTopicPlan plan = KafkaTopicPlan.of(stack, SharedTopics.none());

        assertThat(rules(stack, plan, Set.of("team-a.shop.orders")))
                .containsExactly(
                        "allow topic:literal:team-a.shop.payments [Read, Describe]",
                        "allow group:literal:team-a.shop.api [Read]");
    }

    @Test
    void theAllowListIsReadStrictlyAndAMalformedEntryIsRefusedWithWhatIsWrong() {
        SharedTopics shared = SharedTopics.parse(" platform.audit : team-a , team-b ;legacy_orders:*;");
        assertThat(shared.allows("platform.audit", "team-a")).isTrue();
        assertThat(shared.allows("platform.audit", "team-c")).isFalse();
        assertThat(shared.allows("legacy_orders", "anyone")).isTrue();
        assertThat(shared.allows("team-a.shop.orders", "team-a")).isFalse();
        assertThat(SharedTopics.parse("").namespacesByTopic()).isEmpty();
        for (String bad : List.of("orders", "orders:", "orders:Team_A", "bad topic:team-a")) {
            assertThatThrownBy(() -> SharedTopics.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not <topic>:<namespace>");
        }
    }

    private static AppStack stackUsing(String namespace, KafkaTopicSpec topic) {
        return KafkaStacks.shop(
                namespace,
                "kafka",
                DeletionPolicy.Retain,
                List.of(topic),
                KafkaStacks.service("api", List.of(), List.of(topic.name())));
    }

    private static List<String> rules(AppStack stack, KafkaTopicPlan plan, Set<String> unusable) {
        return KafkaUsers.desired(stack, KafkaAuthentication.SCRAM_SHA_512, plan.grants(unusable)).stream()
                .flatMap(u -> KafkaBuildersTest.rules(u).stream())
                .toList();
    }

    private static List<String> resources(List<KafkaUser> users) {
        return users.stream()
                .flatMap(u -> KafkaBuildersTest.rules(u).stream())
                .map(rule -> rule.split(" ")[1])
                .toList();
    }
}
