package io.atonix.benchmark.measure;

import io.atonix.benchmark.operator.OperatorJvm;
import io.atonix.benchmark.server.PreparedServer;
import io.atonix.benchmark.server.ServerFactory;
import io.atonix.benchmark.stacks.BenchStacks;
import io.atonix.benchmark.stacks.DesiredState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the operator on a fresh server holding one stack, several times, and times its first reconcile. */
public final class StartupRun {
    private final RunSettings settings;

    public StartupRun(RunSettings settings) {
        this.settings = settings;
    }

    public StartupFigures run(ServerFactory servers, DesiredState desired, int times, Path work) throws Exception {
        BenchStacks one = new BenchStacks(1);
        List<Double> toReconcile = new ArrayList<>();
        List<Double> toReady = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int run = 1; run <= times; run++) {
            try (PreparedServer prepared =
                    PreparedServer.start(servers, work, settings.repositoryRoot(), one, desired)) {
                StackWriter.createStack(prepared.client(), one, 1);
                OperatorJvm operator = OperatorJvm.start(
                        settings.javaHome(),
                        settings.operatorJar(),
                        prepared.server().operatorKubeconfig(),
                        work.resolve("operator-startup-" + run + ".log"),
                        settings.jvmOptions());
                try {
                    // Readiness is polled, the reconcile is stamped as its log line arrives: poll first.
                    long ready = operator.awaitReady(settings.timeout());
                    long reconciled = operator.awaitReconciled(one.keys(), operator.startNanos(), settings.timeout());
                    toReconcile.add(OperatorRun.seconds(reconciled - operator.startNanos()));
                    toReady.add(OperatorRun.seconds(ready - operator.startNanos()));
                    cpu.add(operator.firstReconcileCpuSeconds());
                } finally {
                    operator.close();
                }
            }
        }
        return new StartupFigures(toReconcile, toReady, cpu);
    }
}
