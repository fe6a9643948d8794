package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.common.ConditionTypes;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Collection;
import java.util.Objects;
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
     * Whether the stored status already says this spec was provisioned: a run for other inputs (a restarted operator,
     * a rotated password) then leaves the status as it is until it ends, instead of writing it twice.
     */
    static boolean provisionedBefore(Postgres postgres) {
        if (postgres.getStatus() == null) {
            return false;
        }
        return postgres.getStatus().conditions().stream()
                .filter(c -> ConditionTypes.READY.equals(c.type()))
                .anyMatch(c -> c.holds()
                        && Objects.equals(
                                c.observedGeneration(), postgres.getMetadata().getGeneration()));
    }

    private static String version(HasMetadata object) {
        return object.getMetadata().getUid() + "@" + object.getMetadata().getResourceVersion();
    }
}
