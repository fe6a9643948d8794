package io.atonix.api.v1beta1.common;

/** Condition types every Atonix resource reports, in the shape kstatus, Argo CD and Flux read. */
public final class ConditionTypes {
    /** True when everything the resource declares exists and is available. */
    public static final String READY = "Ready";
    /** True while the operator or Kubernetes is still moving towards the declared state. */
    public static final String PROGRESSING = "Progressing";
    /** True when the declared state cannot be reached without a change by a person. */
    public static final String DEGRADED = "Degraded";
    /**
     * kstatus' "abnormal-true" condition (what Flux waits on): True while the declared state is not reached yet and
     * work towards it goes on; it mirrors Progressing.
     */
    public static final String RECONCILING = "Reconciling";
    /** kstatus' "abnormal-true" failure condition (Flux stops waiting): it mirrors Degraded. */
    public static final String STALLED = "Stalled";

    private ConditionTypes() {}
}
