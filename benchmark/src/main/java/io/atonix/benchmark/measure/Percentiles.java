package io.atonix.benchmark.measure;

import java.util.List;

/** Nearest-rank percentiles. */
final class Percentiles {

    private Percentiles() {}

    static double of(List<Double> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
