package io.atonix.benchmark.measure;

import io.atonix.benchmark.operator.JvmMemory;
import io.atonix.benchmark.operator.OperatorJvm;
import io.atonix.benchmark.requests.Caller;
import io.atonix.benchmark.requests.RequestLog;
import io.atonix.benchmark.requests.VerbCounts;
import io.atonix.benchmark.server.ApiServer;
import io.atonix.benchmark.server.PreparedServer;
import io.atonix.benchmark.server.ServerFactory;
import io.atonix.benchmark.stacks.BenchStacks;
import io.atonix.benchmark.stacks.DesiredState;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The operator against a fresh server: memory empty, creation of the stacks, memory loaded, a minute of changes,
 * then a restart with every stack present, which re-reconciles each one against an unchanged cluster.
 */
public final class OperatorRun {
    private static final Duration QUIET = Duration.ofSeconds(3);
    private final RunSettings settings;
    private final Progress progress;

    public OperatorRun(RunSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public OperatorFigures run(ServerFactory servers, BenchStacks stacks, DesiredState desired, Path work)
            throws Exception {
        try (PreparedServer prepared =
                PreparedServer.start(servers, work, settings.repositoryRoot(), stacks, desired)) {
            ApiServer server = prepared.server();
            KubernetesClient client = prepared.client();
            RequestLog log = server.requests();
            int n = stacks.count();

            OperatorJvm operator = OperatorJvm.start(
                    settings.javaHome(),
                    settings.operatorJar(),
                    server.operatorKubeconfig(),
                    work.resolve("operator-" + n + ".log"),
                    settings.jvmOptions());
            JvmMemory.Sample empty;
            double creation;
            double creationCpu;
            double reported;
            double settled;
            long ready;
            VerbCounts creationRequests;
            JvmMemory.Sample loaded;
            ChangeLatency.Result changes;
            try {
                operator.awaitReady(settings.timeout());
                Quiet.await(log, r -> r.caller() == Caller.OPERATOR, System.nanoTime(), QUIET, settings.timeout());
                empty = JvmMemory.sample(operator.pid(), settings.javaHome());
                progress.say("operator up; creating %d stacks", n);

                try (ObjectTracker tracker = new ObjectTracker(prepared.watcher(), desired, n)) {
                    int mark = log.mark();
                    long start = System.nanoTime();
                    double cpuAtStart = operator.cpuSeconds();
                    StackWriter.forEachStack(
                            stacks, settings.clientThreads(), index -> StackWriter.createStack(client, stacks, index));
                    long converged =
                            tracker.awaitConverged(start + settings.timeout().toNanos(), progress);
                    creationCpu = operator.cpuSeconds() - cpuAtStart;
                    long lastWrite = Quiet.await(
                            log,
                            r -> r.caller() == Caller.OPERATOR && r.writes(),
                            converged,
                            QUIET,
                            settings.timeout());
                    creation = seconds(converged - start);
                    reported =
                            tracker.allReportedNanos() == 0 ? Double.NaN : seconds(tracker.allReportedNanos() - start);
                    settled = seconds(lastWrite - start);
                    ready = tracker.readyStacks();
                    creationRequests = VerbCounts.of(log.since(mark), Caller.OPERATOR);
                    progress.say("converged in %.1f s; operator settled after %.1f s", creation, settled);
                    loaded = JvmMemory.sample(operator.pid(), settings.javaHome());

                    progress.say(
                            "changing %d stacks per second for %d s",
                            settings.changesPerSecond(),
                            settings.changeDuration().toSeconds());
                    changes = ChangeLatency.run(
                            client, tracker, stacks, settings.changesPerSecond(), settings.changeDuration());
                    if (server.runsControllers()) {
                        // The restart below should find a cluster in which nothing moves any more.
                        progress.say("waiting until every Deployment and StatefulSet has rolled out");
                        RolledOut.await(client, settings.timeout());
                    }
                    Quiet.await(
                            log,
                            r -> r.caller() == Caller.OPERATOR && r.writes(),
                            System.nanoTime(),
                            QUIET,
                            settings.timeout());
                }
            } finally {
                operator.close();
            }

            progress.say("restarting the operator with %d stacks present", n);
            int idleMark = log.mark();
            OperatorJvm restarted = OperatorJvm.start(
                    settings.javaHome(),
                    settings.operatorJar(),
                    server.operatorKubeconfig(),
                    work.resolve("operator-" + n + "-restarted.log"),
                    settings.jvmOptions());
            try {
                long allReconciled =
                        restarted.awaitReconciled(stacks.keys(), restarted.startNanos(), settings.timeout());
                long first =
                        restarted.reconcilesSince(restarted.startNanos()).get(0).nanos();
                Quiet.await(log, r -> r.caller() == Caller.OPERATOR, allReconciled, QUIET, settings.timeout());
                VerbCounts idle = VerbCounts.of(log.since(idleMark), Caller.OPERATOR);
                JvmMemory.Sample restartedMemory = JvmMemory.sample(restarted.pid(), settings.javaHome());
                return new OperatorFigures(
                        creation,
                        creationCpu,
                        reported,
                        settled,
                        ready,
                        creationRequests,
                        empty,
                        loaded,
                        restartedMemory,
                        changes,
                        idle,
                        seconds(first - restarted.startNanos()),
                        seconds(allReconciled - restarted.startNanos()),
                        restarted.firstReconcileCpuSeconds());
            } finally {
                restarted.close();
            }
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
