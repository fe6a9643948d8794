package io.atonix.operator.realcluster;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Which requests FaultyApiServer fails, and how: a seeded random draw per request, so that a run's faults follow from
 * its seed and the order in which requests arrive. A tenth of the requests get a fault, spread evenly over 429, 500,
 * 409 (writes only; a read gets a 500 instead), a timeout (at most {@code maxTimeouts} of them: each holds a request
 * for longer than the client waits) and a reset. A tenth of the watches are answered 410 Gone; every other watch is
 * dropped after a lifetime drawn between {@link #SHORTEST_WATCH} and {@link #LONGEST_WATCH}. Nothing is failed
 * before {@link #arm()} (the operator's start, whose informers must list once, is not what is tested here).
 */
final class FaultSchedule {
    static final double RATE = 0.10;
    static final Duration SHORTEST_WATCH = Duration.ofSeconds(5);
    static final Duration LONGEST_WATCH = Duration.ofSeconds(30);

    private final long seed;
    private final Random random;
    private final int maxTimeouts;
    private final Map<ApiFault, Integer> counts = new EnumMap<>(ApiFault.class);
    private boolean armed;
    private int timeoutsDrawn;

    FaultSchedule(long seed, int maxTimeouts) {
        this.seed = seed;
        this.random = new Random(seed);
        this.maxTimeouts = maxTimeouts;
    }

    /** From now on requests are failed. */
    synchronized void arm() {
        armed = true;
    }

    /** The fault for a request that is not a watch; null for none. */
    synchronized ApiFault forRequest(String method) {
        if (!armed || random.nextDouble() >= RATE) {
            return null;
        }
        return switch (random.nextInt(5)) {
            case 0 -> ApiFault.TOO_MANY_REQUESTS;
            case 1 -> ApiFault.SERVER_ERROR;
            case 2 -> "GET".equals(method) ? ApiFault.SERVER_ERROR : ApiFault.CONFLICT;
            case 3 -> timeoutsDrawn++ < maxTimeouts ? ApiFault.TIMEOUT : ApiFault.RESET;
            default -> ApiFault.RESET;
        };
    }

    /** Whether a new watch is answered 410 Gone. */
    synchronized boolean watchGone() {
        return armed && random.nextDouble() < RATE;
    }

    /** How long a watch may run before it is dropped (if the schedule is armed by then). */
    synchronized Duration watchLifetime() {
        long spread = LONGEST_WATCH.toMillis() - SHORTEST_WATCH.toMillis();
        return SHORTEST_WATCH.plusMillis((long) (random.nextDouble() * spread));
    }

    synchronized boolean armed() {
        return armed;
    }

    /** Notes a fault that was done. */
    synchronized void done(ApiFault fault) {
        counts.merge(fault, 1, Integer::sum);
    }

    /** How many faults of each kind were done, every kind listed. */
    synchronized Map<ApiFault, Integer> counts() {
        Map<ApiFault, Integer> all = new EnumMap<>(ApiFault.class);
        for (ApiFault fault : ApiFault.values()) {
            all.put(fault, counts.getOrDefault(fault, 0));
        }
        return all;
    }

    long seed() {
        return seed;
    }
}
