package io.atonix.benchmark.measure;

import java.util.List;

/**
 * JVM start to the first reconcile, with one stack waiting; one entry per fresh start.
 *
 * @param toFirstReconcileSeconds from launching the JVM to the log line of the first finished reconcile
 * @param toReadySeconds          from launching the JVM to the health endpoint answering ready
 * @param cpuSecondsAtFirstReconcile CPU time the operator had used by its first reconcile
 */
public record StartupFigures(
        List<Double> toFirstReconcileSeconds, List<Double> toReadySeconds, List<Double> cpuSecondsAtFirstReconcile) {

    public double medianToFirstReconcile() {
        List<Double> sorted = toFirstReconcileSeconds.stream().sorted().toList();
        return Percentiles.of(sorted, 50);
    }

    public double medianCpuAtFirstReconcile() {
        return Percentiles.of(cpuSecondsAtFirstReconcile.stream().sorted().toList(), 50);
    }

    public double medianToReady() {
        return Percentiles.of(toReadySeconds.stream().sorted().toList(), 50);
    }
}
