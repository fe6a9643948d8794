package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Conditions;
import io.atonix.operator.common.WaitStart;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The bounded wait of a Postgres whose server is not ready for the user's Secrets its pods read
 * ({@link ReferencedSecrets}). They are looked up only while the server is not ready, so a ready Postgres makes no
 * request; the wait is measured from the Ready condition's last transition, kept in the status, so neither a restart
 * nor a change of leader resets it.
 */
final class SecretWait {

    /** What the status says: what is missing, within the bound; why the server is stuck, after it. */
    record Outcome(List<String> waiting, List<String> overdue) {
        static final Outcome NONE = new Outcome(List.of(), List.of());
    }

    private SecretWait() {}

    static Outcome observe(
            Postgres postgres, boolean serverReady, KubernetesClient client, Duration bound, Instant now) {
        if (serverReady || ReferencedSecrets.of(postgres).isEmpty()) {
            return Outcome.NONE;
        }
        String namespace = postgres.getMetadata().getNamespace();
        return judge(
                postgres,
                name -> {
                    Secret secret = client.secrets()
                            .inNamespace(namespace)
                            .withName(name)
                            .get();
                    return secret == null ? null : ReferencedSecrets.keys(secret.getData(), secret.getStringData());
                },
                bound,
                now);
    }

    /** @param keys the keys of a Secret of the Postgres' namespace by name, or null when there is no such Secret */
    static Outcome judge(Postgres postgres, Function<String, Set<String>> keys, Duration bound, Instant now) {
        List<String> missing = ReferencedSecrets.missing(postgres, keys);
        if (missing.isEmpty()) {
            return Outcome.NONE;
        }
        Instant since = notReadySince(postgres, now);
        if (!WaitStart.over(since, bound, now)) {
            return new Outcome(missing, List.of());
        }
        return new Outcome(
                missing,
                List.of("The server has waited since " + WaitStart.stamp(since) + ", longer than "
                        + WaitStart.words(bound) + ", for what its pods read: " + String.join("; ", missing)
                        + ". Create it in namespace " + postgres.getMetadata().getNamespace()
                        + ", or remove the reference from the spec"));
    }

    /** The last transition of Ready=False, from the status; now when there is none yet. */
    private static Instant notReadySince(Postgres postgres, Instant now) {
        List<Condition> conditions =
                postgres.getStatus() == null ? null : postgres.getStatus().conditions();
        return Conditions.find(conditions, ConditionTypes.READY)
                .filter(ready -> Condition.FALSE.equals(ready.status()) && ready.lastTransitionTime() != null)
                .map(ready -> {
                    try {
                        return Instant.parse(ready.lastTransitionTime());
                    } catch (DateTimeParseException e) {
                        return now;
                    }
                })
                .orElse(now);
    }
}
