package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.common.Condition;
import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What provisioning depends on, as one string ({@link ProvisioningRuns}): the spec (its generation), the server (its
 * StatefulSet's version, which moves when a pod restarts or the server rolls) and the credential Secrets' versions. A
 * server provisioned from the same inputs needs no new run.
 */
final class ProvisioningInputs {
    private ProvisioningInputs() {}

    static String of(Postgres postgres, StatefulSet server, Collection<Secret> secrets) {
        String versions = secrets.stream()
                .map(s -> s.getMetadata().getName() + "@" + s.getMetadata().getResourceVersion())
                .sorted()
                .collect(Collectors.joining(","));
        return "generation " + postgres.getMetadata().getGeneration() + "; server " + version(server) + "; secrets "
                + versions;
    }

    /**
     * What the stored status says provisioning of this spec came to: "", the failure, or empty when it says neither
     * (a new spec, a server that was not ready). A run under way, after a restart of the operator or for a rotated
     * password, leaves the status as it is until it ends instead of writing it twice.
     */
    static Optional<String> storedOutcome(Postgres postgres) {
        if (postgres.getStatus() == null) {
            return Optional.empty();
        }
        return postgres.getStatus().conditions().stream()
                .filter(c -> ConditionTypes.READY.equals(c.type()))
                .filter(c -> Objects.equals(
                        c.observedGeneration(), postgres.getMetadata().getGeneration()))
                .findFirst()
                .flatMap(ProvisioningInputs::outcome);
    }

    private static Optional<String> outcome(Condition ready) {
        if (ready.holds()) {
            return Optional.of("");
        }
        if (PostgresStatusBuilder.REASON_PROVISIONING_FAILED.equals(ready.reason())
                && ready.message().startsWith(PostgresStatusBuilder.FAILED)) {
            return Optional.of(ready.message().substring(PostgresStatusBuilder.FAILED.length()));
        }
        return Optional.empty();
    }

    private static String version(HasMetadata object) {
        return object.getMetadata().getUid() + "@" + object.getMetadata().getResourceVersion();
    }
}
