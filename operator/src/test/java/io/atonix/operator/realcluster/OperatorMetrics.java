package io.atonix.operator.realcluster;

/** Reads the operator's Prometheus text exposition (/q/metrics). */
final class OperatorMetrics {

    private OperatorMetrics() {}

    /** The sum of a metric's samples over all their labels (every controller's, for the reconciliation counters). */
    static double sum(String exposition, String metric) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
