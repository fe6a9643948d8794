package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Decides whether a stored child still is what the operator wants: its desired-hash annotation is current (which
 * notices a field removed from the spec) and nothing the operator sets has drifted ({@link Drift}).
 */
public final class DesiredStateMatcher {
    private static final Logger LOG = Logger.getLogger(DesiredStateMatcher.class);

    private DesiredStateMatcher() {}

    public static boolean matches(HasMetadata actual, HasMetadata desired, KubernetesSerialization serialization) {
        boolean sameIntent = Objects.equals(DesiredHash.get(actual), DesiredHash.get(desired));
        List<String> drift = sameIntent ? Drift.of(desired, actual, serialization) : List.of();
        if (!sameIntent || !drift.isEmpty()) {
            LOG.debugf(
                    "%s %s/%s differs from the desired object: %s",
                    actual.getKind(),
                    actual.getMetadata().getNamespace(),
                    actual.getMetadata().getName(),
                    sameIntent ? "changed by someone else at " + drift : "the desired state changed");
        }
        return sameIntent && drift.isEmpty();
    }
}
