package io.atonix.operator.appstack;

import static io.atonix.operator.appstack.TestStacks.service;
import static io.atonix.operator.appstack.TestStacks.stack;
import static io.atonix.operator.appstack.TestUses.prefixed;
import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.BindingStatus;
import io.atonix.api.v1beta1.appstack.KafkaClusterRef;
import io.atonix.api.v1beta1.appstack.KafkaSpec;
import io.atonix.api.v1beta1.appstack.KafkaTopicSpec;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.appstack.StackPostgres;
import io.atonix.api.v1beta1.appstack.StackRedis;
import io.atonix.api.v1beta1.appstack.UseKind;
import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.common.EnvVar;
import io.atonix.api.v1beta1.common.VolumeSpec;
import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.binding.KafkaBinding;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.binding.RedisBinding;
import io.atonix.operator.common.SpecProblem;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's uses: a login and a binding Secret each, variables under a prefix, and the rules that keep them apart. */
class UsesTest {

    private static AppStack shop(ServiceSpec... services) {
        StackPostgres postgres = new StackPostgres(
                "16",
                null,
                VolumeSpec.of("1Gi"),
                List.of(new DatabaseSpec("shop", null), new DatabaseSpec("audit", null)),
                null,
                null,
                null,
                null);
        StackRedis redis = new StackRedis("7.2", new Quantity("64Mi"), null, null, null);
        KafkaSpec kafka = new KafkaSpec(
                new KafkaClusterRef("events", "kafka"), List.of(new KafkaTopicSpec("orders", null, null, null, null)));
        return stack("shop", "shop", TestStacks.spec(List.of(services), postgres, redis, kafka, null, null, null));
    }

    private static final ServiceSpec TWO_DATABASES = TestStacks.withUses(
            service("api", "acme/api:1", 5000),
            TestUses.postgres("db", "shop"),
            prefixed(TestUses.postgres("audit", "audit", Access.ReadOnly), "AUDIT_"),
            TestUses.redis("cache"),
            TestUses.kafka("events", List.of("orders"), List.of()));

    private static List<String> problems(AppStack stack) {
        return AppStackValidator.validate(stack).stream()
                .map(SpecProblem::toString)
                .toList();
    }

    @Test
    void aServiceUsesTwoDatabasesWithALoginEachAndItsVariablesUnderThePrefix() {
        AppStack stack = shop(TWO_DATABASES);
        assertThat(problems(stack)).isEmpty();
        assertThat(ChildPostgres.desired(stack).orElseThrow().getSpec().roles())
                .containsExactly(
                        new RoleSpec("api-db", "shop", Access.ReadWrite),
                        new RoleSpec("api-audit", "audit", Access.ReadOnly));
        var env = Deployments.env(stack, TWO_DATABASES).stream()
                .map(v -> v.getName()
                        + (v.getValue() != null
                                ? "=" + v.getValue()
                                : "<-" + v.getValueFrom().getSecretKeyRef().getName()))
                .toList();
        assertThat(env)
                .contains(
                        "PGHOST<-shop-postgres-api-db-login",
                        "DATABASE_URL<-shop-postgres-api-db-login",
                        "AUDIT_PGHOST<-shop-postgres-api-audit-login",
                        "AUDIT_DATABASE_URL<-shop-postgres-api-audit-login",
                        "REDIS_URL<-shop-redis-api-cache-login",
                        "KAFKA_BOOTSTRAP_SERVERS<-shop-kafka-api-events-login",
                        "KAFKA_TOPIC_ORDERS=shop.shop.orders");
        assertThat(env).doesNotHaveDuplicates();
    }

    @Test
    void theStatusNamesTheBindingSecretOfEachUse() {
        AppStack stack = shop(TWO_DATABASES);
        assertThat(AppStackStatusBuilder.serviceStatus(stack, TWO_DATABASES, null)
                        .bindings())
                .containsExactly(
                        new BindingStatus("db", UseKind.Postgres, "shop-postgres-api-db-login"),
                        new BindingStatus("audit", UseKind.Postgres, "shop-postgres-api-audit-login"),
                        new BindingStatus("cache", UseKind.Redis, "shop-redis-api-cache-login"),
                        new BindingStatus("events", UseKind.Kafka, "shop-kafka-api-events-login"));
        assertThat(Deployments.bindingSecrets(stack, TWO_DATABASES))
                .containsExactly(
                        "shop-postgres-api-db-login",
                        "shop-postgres-api-audit-login",
                        "shop-redis-api-cache-login",
                        "shop-kafka-api-events-login");
        assertThat(AppStackStatusBuilder.serviceStatus(stack, service("web", "nginx", 80), null)
                        .bindings())
                .as("a service without uses")
                .isNull();
    }

    @Test
    void twoUsesOfOneKindUnderOnePrefixAreRefusedAtTheServicesUses() {
        ServiceSpec api = TestStacks.withUses(
                service("api", "acme/api:1", 5000),
                TestUses.postgres("db", "shop"),
                TestUses.postgres("audit", "audit"));
        assertThat(problems(shop(api)))
                .containsExactly(
                        "spec.services[0].uses: two uses of one kind have the same envPrefix, so their variables (PGHOST, REDIS_URL, ...) would collide: give each a different envPrefix");
    }

    @Test
    void anEnvVariableThatAUseSetsIsRefused() {
        ServiceSpec api = TestStacks.withEnv(
                TestStacks.withUses(service("api", "acme/api:1", 5000), prefixed(TestUses.redis("cache"), "ORDERS_")),
                List.of(new EnvVar("ORDERS_REDIS_URL", "redis://x", null)));
        assertThat(problems(shop(api)))
                .containsExactly(
                        "spec.services[0].env: env sets a variable that a use sets from its binding Secret: rename it or give the use an envPrefix");
    }

    @Test
    void aUseNamesOneStoreAndAServiceOneKafkaUse() {
        ServiceSpec api = TestStacks.withUses(
                service("api", "acme/api:1", 5000),
                new ServiceUse("both", null, null, null, null),
                TestUses.kafka("orders", List.of("orders"), List.of()),
                prefixed(TestUses.kafka("more", List.of(), List.of("orders")), "MORE_"),
                TestUses.redis("my-cache"),
                TestUses.redis("cache"),
                prefixed(TestUses.redis("cache"), "X_"));
        assertThat(problems(shop(api)))
                .containsExactlyInAnyOrder(
                        "spec.services[0].uses[0]: a use connects to exactly one of postgres, redis, kafka and objectStore",
                        "spec.services[0].uses: at most one use of a service names kafka: the service has one KafkaUser and one consumer group, so list all its topics in that use",
                        "spec.services[0].uses[3].name: Invalid value: \"my-cache\": should match '^[a-z][a-z0-9]*$'",
                        "spec.services[0].uses: two uses of one kind have the same envPrefix, so their variables (PGHOST, REDIS_URL, ...) would collide: give each a different envPrefix",
                        "spec.services[0].uses[5]: Duplicate value: {name=\"cache\"}");
    }

    @Test
    void aUseOfKafkaNeedsTheStacksKafka() {
        ServiceSpec api =
                TestStacks.withUses(service("api", "acme/api:1", 5000), TestUses.kafka("events", List.of(), List.of()));
        assertThat(problems(stack("shop", "shop", api)))
                .containsExactly(
                        "spec: a service uses Kafka but spec.kafka is not set",
                        "spec.services[0].uses[0].kafka: the service uses Kafka but spec.kafka is not set");
    }

    @Test
    void theSchemaRuleOnEnvNamesEveryVariableABindingSets() {
        String rule = Arrays.stream(ServiceSpec.class.getAnnotationsByType(ValidationRule.class))
                .map(ValidationRule::value)
                .filter(r -> r.contains("self.env.all"))
                .findFirst()
                .orElseThrow();
        for (Map<String, String> env :
                List.of(PostgresBinding.ENV, RedisBinding.ENV, KafkaBinding.ENV, KafkaBinding.OPTIONAL_ENV)) {
            env.keySet().forEach(variable -> assertThat(rule).contains("'" + variable + "'"));
        }
    }
}
