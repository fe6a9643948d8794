package io.atonix.benchmark.requests;

/** Who sent a request to the API server. */
public enum Caller {
    /** The operator under test. */
    OPERATOR,
    /** The benchmark itself: its client (the baseline, the stacks, the changes) and its watches. */
    BENCHMARK,
    /** Anyone else: on a real control plane the controller manager, the scheduler and kwok. */
    OTHER;

    /** Every client of the benchmark sends a user agent starting with this. */
    public static final String BENCHMARK_AGENT = "atonix-benchmark";
}
