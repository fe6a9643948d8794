package io.atonix.benchmark.report;

import io.atonix.benchmark.operator.JvmMemory;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints the results as a table: one column per number of stacks, and the target where there is one. */
public final class Table {
    private static final double MIB = 1024.0 * 1024.0;
    private final PrintStream out;

    public Table(PrintStream out) {
        this.out = out;
    }

    public void print(Results results) {
        Machine machine = results.machine();
        out.printf(
                "%nAtonix operator benchmark, %s: %d CPUs (%s), %.1f GiB, load %s at start and %s at end, %.1f min%n",
                results.startedAt(),
                machine.processors(),
                machine.cpu(),
                machine.memoryBytes() / MIB / 1024,
                results.loadAtStart(),
                results.loadAtEnd(),
                results.minutes());
        out.printf(
                "operator JVM: %s; options: %s%n",
                results.operatorJava(),
                results.operatorJvmOptions().isEmpty() ? "none (JVM defaults)" : results.operatorJvmOptions());
        for (TierResult tier : results.tiers()) {
            print(tier);
        }
        for (String failure : results.failures()) {
            out.printf("%nNOT MEASURED %s%n", failure);
        }
    }

    private void print(TierResult tier) {
        List<SizeResult> sizes = tier.sizes();
        out.printf("%n== %s%n", tier.server());
        header(sizes);
        row(sizes, "desired objects per stack (render)", s -> "%.0f".formatted(s.desiredObjectsPerStack()), "");
        row(sizes, "creation, operator (s)", s -> "%.1f".formatted(s.operatorSeconds()), "");
        row(
                sizes,
                "  operator CPU during creation (s)",
                s -> "%.1f".formatted(s.operator().creationCpuSeconds()),
                "");
        row(sizes, "creation, baseline client (s)", s -> "%.1f".formatted(s.baselineSeconds()), "");
        row(sizes, "  ratio operator / baseline", s -> "%.2f".formatted(s.ratio()), "<= 1.2");
        row(
                sizes,
                "every status observed its generation (s)",
                s -> "%.1f".formatted(s.operator().allReportedSeconds()),
                "");
        row(
                sizes,
                "operator's last write of the creation (s)",
                s -> "%.1f".formatted(s.operator().settledSeconds()),
                "");
        row(sizes, "stacks Ready", s -> "%d/%d".formatted(s.operator().readyStacks(), s.stacks()), "");
        row(sizes, "operator requests per stack, creation", s -> verbs(s.operatorRequestsPerStack()), "");
        row(sizes, "baseline writes per stack", s -> verbs(s.baselineWritesPerStack()), "");
        row(sizes, "writes per idle reconcile (restart)", s -> "%.2f".formatted(s.idleWritesPerStack()), "0");
        row(sizes, "  idle requests per stack", s -> verbs(s.idleRequestsPerStack()), "");
        row(
                sizes,
                "live heap, empty operator (MiB)",
                s -> mib(s.operator().emptyMemory().liveHeapBytes()),
                "");
        row(
                sizes,
                "live heap, N stacks (MiB)",
                s -> mib(s.operator().loadedMemory().liveHeapBytes()),
                "");
        row(sizes, "  retained heap per stack (KiB)", s -> "%.1f".formatted(s.retainedHeapPerStackKiB()), "<= 64");
        row(
                sizes,
                "live heap after restart (MiB)",
                s -> mib(s.operator().restartedMemory().liveHeapBytes()),
                "");
        row(
                sizes,
                "RSS empty / N stacks (MiB)",
                s -> rss(s.operator().emptyMemory()) + " / " + rss(s.operator().loadedMemory()),
                "");
        row(
                sizes,
                "committed heap, N stacks (MiB)",
                s -> mib(s.operator().loadedMemory().committedHeapBytes()),
                "");
        row(
                sizes,
                "threads, N stacks",
                s -> String.valueOf(s.operator().loadedMemory().threads()),
                "");
        row(
                sizes,
                "change latency p50 / p99 (ms)",
                s -> "%.0f / %.0f"
                        .formatted(
                                s.operator().changes().p50Ms(),
                                s.operator().changes().p99Ms()),
                "p99 <= 1000");
        row(
                sizes,
                "  changes applied / sent",
                s -> "%d / %d"
                        .formatted(
                                s.operator().changes().applied(),
                                s.operator().changes().sent()),
                "");
        row(
                sizes,
                "restart: JVM start to first reconcile (s)",
                s -> "%.1f".formatted(s.operator().restartToFirstReconcileSeconds()),
                "");
        row(
                sizes,
                "  operator CPU at first reconcile (s)",
                s -> "%.1f".formatted(s.operator().restartCpuSecondsAtFirstReconcile()),
                "");
        row(
                sizes,
                "restart: JVM start to all reconciled (s)",
                s -> "%.1f".formatted(s.operator().restartToAllReconciledSeconds()),
                "");
        if (tier.startup() != null) {
            out.printf(
                    "%-44s %s (runs: %s)   target <= 3%n",
                    "JVM start to first reconcile, 1 stack (s)",
                    "%.2f".formatted(tier.startup().medianToFirstReconcile()),
                    list(tier.startup().toFirstReconcileSeconds()));
            out.printf(
                    "%-44s %s (runs: %s)%n",
                    "  operator CPU at first reconcile (s)",
                    "%.2f".formatted(tier.startup().medianCpuAtFirstReconcile()),
                    list(tier.startup().cpuSecondsAtFirstReconcile()));
            out.printf(
                    "%-44s %s (runs: %s)%n",
                    "JVM start to health ready (s)",
                    "%.2f".formatted(tier.startup().medianToReady()),
                    list(tier.startup().toReadySeconds()));
        }
    }

    private void header(List<SizeResult> sizes) {
        StringBuilder line = new StringBuilder("%-44s".formatted(""));
        sizes.forEach(s -> line.append(" %-34s".formatted("N=" + s.stacks())));
        out.println(line.append(" target"));
    }

    private void row(List<SizeResult> sizes, String label, Function<SizeResult, String> value, String target) {
        StringBuilder line = new StringBuilder("%-44s".formatted(label));
        sizes.forEach(s -> line.append(" %-34s".formatted(value.apply(s))));
        out.println(line.append(" ").append(target).toString().stripTrailing());
    }

    private static String verbs(Map<String, Double> perStack) {
        return perStack.entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getValue() < 1 ? "%.2f" : "%.1f").formatted(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String mib(long bytes) {
        return "%.1f".formatted(bytes / MIB);
    }

    private static String rss(JvmMemory.Sample sample) {
        return "%.0f".formatted(sample.rssBytes() / MIB);
    }

    private static String list(List<Double> values) {
        return values.stream().map("%.2f"::formatted).collect(Collectors.joining(", "));
    }
}
