package io.atonix.operator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.PostgresStatus;
import io.atonix.operator.appstack.AppStackStatusBuilder;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The bound of a Postgres' wait for the user's Secrets its spec names, measured from its Ready condition's last
 * transition (kept in the status): what it says within the bound and after it, and what its stack then says.
 */
class SecretWaitTest {
    private static final Duration BOUND = Duration.ofMinutes(10);
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Function<String, Set<String>> NO_SECRETS = name -> null;

    @Test
    void withinTheBoundTheServerSaysWhichSecretsItWaitsForAndIsNotDegraded() {
        Postgres postgres = postgres();
        postgres.setStatus(PostgresStatusBuilder.observed(
                postgres, null, null, PostgresStatusBuilder.Volumes.STEADY, NOW.minus(Duration.ofMinutes(9))));

        SecretWait.Outcome outcome = SecretWait.judge(postgres, NO_SECRETS, BOUND, NOW);
        assertThat(outcome.overdue()).isEmpty();
        PostgresStatus status = observed(postgres, outcome);
        assertThat(condition(status, ConditionTypes.READY).message())
                .isEqualTo("Waiting for the PostgreSQL server to be ready: Secret s3"
                        + " (spec.backup.objectStore.credentials) does not exist; Secret s3-ca"
                        + " (spec.backup.objectStore.ca) does not exist");
        assertThat(condition(status, ConditionTypes.DEGRADED).status()).isEqualTo(Condition.FALSE);
    }

    @Test
    void aSecretWithoutAKeyThePodsReadIsWaitedForLikeAMissingOne() {
        Map<String, Set<String>> secrets = Map.of("s3", Set.of("AWS_ACCESS_KEY_ID"), "s3-ca", Set.of("ca.pem"));
        assertThat(SecretWait.judge(postgres(), secrets::get, BOUND, NOW).waiting())
                .containsExactly("Secret s3 (spec.backup.objectStore.credentials) has no key AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void whenEverySecretIsThereNothingWaits() {
        Map<String, Set<String>> secrets =
                Map.of("s3", Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"), "s3-ca", Set.of("ca.pem"));
        assertThat(SecretWait.judge(postgres(), secrets::get, BOUND, NOW)).isEqualTo(SecretWait.Outcome.NONE);
    }

    @Test
    void afterTheBoundThePostgresAndItsStackAreDegradedSayingWhatIsMissingSinceWhenAndWhatToDo() {
        Postgres postgres = postgres();
        postgres.setStatus(PostgresStatusBuilder.observed(
                postgres, null, null, PostgresStatusBuilder.Volumes.STEADY, Instant.parse("2026-12-02T11:00:00Z")));

        SecretWait.Outcome outcome = SecretWait.judge(postgres, NO_SECRETS, BOUND, NOW);
        PostgresStatus status = observed(postgres, outcome);
        Condition degraded = condition(status, ConditionTypes.DEGRADED);
        assertThat(degraded.status()).isEqualTo(Condition.TRUE);
        assertThat(degraded.reason()).isEqualTo(WaitStart.EXCEEDED);
        assertThat(degraded.message())
                .contains(
                        "waited since 2026-12-02T11:00:00Z, longer than 10m",
                        "Secret s3 (spec.backup.objectStore.credentials) does not exist",
                        "Create it in namespace shop, or remove the reference from the spec");
        assertThat(condition(status, ConditionTypes.READY).lastTransitionTime())
                .as("the wait's start is kept")
                .isEqualTo("2026-12-02T11:00:00Z");

        // The same Postgres as the child of a stack: the stack is Degraded too, and says why.
        postgres.setStatus(status);
        AppStack stack = Serialization.unmarshal("""
                apiVersion: atonix.io/v1beta1
                kind: AppStack
                metadata: { name: shop, namespace: shop }
                spec:
                  services: [ { name: api, image: "acme/api:1", port: 8080 } ]
                  postgres: { version: "16", storage: { size: 1Gi } }
                """, AppStack.class);
        Condition stackDegraded = Conditions.find(
                        AppStackStatusBuilder.observed(stack, Map.of(), postgres, null, null, NOW)
                                .conditions(),
                        ConditionTypes.DEGRADED)
                .orElseThrow();
        assertThat(stackDegraded.status()).isEqualTo(Condition.TRUE);
        assertThat(stackDegraded.reason()).isEqualTo(WaitStart.EXCEEDED);
        assertThat(stackDegraded.message()).startsWith("Postgres: The server has waited since 2026-12-02T11:00:00Z");
    }

    private static PostgresStatus observed(Postgres postgres, SecretWait.Outcome outcome) {
        return PostgresStatusBuilder.observed(
                postgres, null, null, PostgresStatusBuilder.Volumes.STEADY, outcome, List.of(), NOW);
    }

    private static Condition condition(PostgresStatus status, String type) {
        return Conditions.find(status.conditions(), type).orElseThrow();
    }

    private static Postgres postgres() {
        return Serialization.unmarshal("""
                apiVersion: atonix.io/v1beta1
                kind: Postgres
                metadata: { name: shop-db, namespace: shop, generation: 1 }
                spec:
                  version: "16"
                  storage: { size: 1Gi }
                  backup:
                    schedule: "0 3 * * *"
                    objectStore:
                      endpoint: "https://s3.example.com"
                      bucket: pg-archive
                      credentials: { secretName: s3 }
                      ca: { secretName: s3-ca, key: ca.pem }
                """, Postgres.class);
    }
}
