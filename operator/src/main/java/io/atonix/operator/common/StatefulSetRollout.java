package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Optional;

/** When a single-instance StatefulSet serves what it was last asked for. */
public final class StatefulSetRollout {

    private StatefulSetRollout() {}

    /** True when the controller has seen the current generation, the pod runs the current template and is ready. */
    public static boolean complete(StatefulSet sts) {
        if (sts == null || sts.getStatus() == null) {
            return false;
        }
        var status = sts.getStatus();
        long generation = Optional.ofNullable(sts.getMetadata().getGeneration()).orElse(0L);
        boolean observed = status.getObservedGeneration() != null && status.getObservedGeneration() >= generation;
        boolean rolled =
                status.getUpdateRevision() == null || status.getUpdateRevision().equals(status.getCurrentRevision());
        return observed
                && rolled
                && Optional.ofNullable(status.getReadyReplicas()).orElse(0) >= 1;
    }
}
