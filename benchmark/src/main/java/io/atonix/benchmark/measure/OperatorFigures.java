package io.atonix.benchmark.measure;

import io.atonix.benchmark.operator.JvmMemory;
import io.atonix.benchmark.requests.VerbCounts;

/**
 * What one operator run measured.
 *
 * @param creationSeconds        from the first stack written to every desired object existing as desired
 * @param creationCpuSeconds     CPU time the operator used in that span
 * @param allReportedSeconds     from the first stack written to every stack's status observing its generation
 * @param settledSeconds         from the first stack written to the operator's last write of the creation
 * @param readyStacks            stacks reporting Ready=True when the creation settled
 * @param creationRequests       the operator's requests from the first stack written until it settled
 * @param emptyMemory            the operator started, before any stack
 * @param loadedMemory           after the creation settled
 * @param restartedMemory        after a restart with the stacks present, once it reconciled them all
 * @param idleRequests           the operator's requests from its restart until every stack was reconciled and it fell quiet
 * @param restartToFirstReconcileSeconds JVM start to the first stack reconciled, with the stacks present
 * @param restartToAllReconciledSeconds  JVM start to every stack reconciled
 * @param restartCpuSecondsAtFirstReconcile CPU time the restarted operator had used by its first reconcile
 */
public record OperatorFigures(
        double creationSeconds,
        double creationCpuSeconds,
        double allReportedSeconds,
        double settledSeconds,
        long readyStacks,
        VerbCounts creationRequests,
        JvmMemory.Sample emptyMemory,
        JvmMemory.Sample loadedMemory,
        JvmMemory.Sample restartedMemory,
        ChangeLatency.Result changes,
        VerbCounts idleRequests,
        double restartToFirstReconcileSeconds,
        double restartToAllReconciledSeconds,
        double restartCpuSecondsAtFirstReconcile) {}
