package io.atonix.benchmark.report;

import io.atonix.benchmark.measure.BaselineFigures;
import io.atonix.benchmark.measure.OperatorFigures;
import io.atonix.benchmark.requests.VerbCounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures for N stacks on one server, with the ones the targets speak of worked out.
 *
 * @param ratio                     operator creation time / baseline creation time (target at most 1.2)
 * @param retainedHeapPerStackKiB   (live heap with the stacks - live heap empty) / N (target at most 64)
 * @param idleWritesPerStack        writing requests of the restarted operator per stack it re-reconciled (target 0)
 * @param heapGrowthPerStackBytes   per class among the largest, what N stacks added to the live heap, per stack
 */
public record SizeResult(
        int stacks,
        double desiredObjectsPerStack,
        double operatorSeconds,
        double baselineSeconds,
        double ratio,
        double retainedHeapPerStackKiB,
        double idleWritesPerStack,
        Map<String, Double> operatorRequestsPerStack,
        Map<String, Double> baselineWritesPerStack,
        Map<String, Double> idleRequestsPerStack,
        Map<String, Long> heapGrowthPerStackBytes,
        OperatorFigures operator,
        BaselineFigures baseline) {

    public static SizeResult of(int stacks, int desiredObjects, OperatorFigures operator, BaselineFigures baseline) {
        double heap = (operator.loadedMemory().liveHeapBytes()
                        - operator.emptyMemory().liveHeapBytes())
                / 1024.0
                / stacks;
        return new SizeResult(
                stacks,
                (double) desiredObjects / stacks,
                operator.creationSeconds(),
                baseline.creationSeconds(),
                operator.creationSeconds() / baseline.creationSeconds(),
                heap,
                (double) operator.idleRequests().writes() / stacks,
                perStack(operator.creationRequests(), stacks),
                perStack(baseline.requests(), stacks),
                perStack(operator.idleRequests(), stacks),
                growth(operator, stacks),
                operator,
                baseline);
    }

    private static Map<String, Long> growth(OperatorFigures operator, int stacks) {
        Map<String, Long> empty = operator.emptyMemory().topClasses();
        Map<String, Long> growth = new LinkedHashMap<>();
        operator.loadedMemory().topClasses().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - empty.getOrDefault(e.getKey(), 0L)) / stacks))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> growth.put(e.getKey(), e.getValue()));
        return growth;
    }

    private static Map<String, Double> perStack(VerbCounts counts, int stacks) {
        Map<String, Double> perStack = new TreeMap<>();
        counts.byVerb().forEach((verb, count) -> perStack.put(verb, (double) count / stacks));
        return perStack;
    }
}
