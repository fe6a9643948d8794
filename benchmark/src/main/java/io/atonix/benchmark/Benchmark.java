package io.atonix.benchmark;

import io.atonix.benchmark.measure.BaselineFigures;
import io.atonix.benchmark.measure.BaselineRun;
import io.atonix.benchmark.measure.OperatorFigures;
import io.atonix.benchmark.measure.OperatorRun;
import io.atonix.benchmark.measure.Progress;
import io.atonix.benchmark.measure.RunSettings;
import io.atonix.benchmark.measure.StartupFigures;
import io.atonix.benchmark.measure.StartupRun;
import io.atonix.benchmark.report.Machine;
import io.atonix.benchmark.report.Results;
import io.atonix.benchmark.report.SizeResult;
import io.atonix.benchmark.report.Table;
import io.atonix.benchmark.report.TierResult;
import io.atonix.benchmark.server.MockApiServer;
import io.atonix.benchmark.server.RealApiServer;
import io.atonix.benchmark.server.ServerTier;
import io.atonix.benchmark.stacks.BenchStacks;
import io.atonix.benchmark.stacks.DesiredState;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: the packaged operator against an API server started here, next to a plain client writing the
 * same objects. Prints a table and writes a JSON file. Run it with ./benchmark/run.sh; see docs/performance.md.
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("atonix.repository.root", "."))
                .toAbsolutePath()
                .normalize();
        Options options;
        try {
            options = Options.parse(args, root.resolve("benchmark/target/benchmark-results.json"));
        } catch (Options.HelpRequested e) {
            System.out.println(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String binaries = System.getenv("KUBE_TESTBIN_DIR");
        if (options.real() && (binaries == null || !Files.isExecutable(Path.of(binaries, "kube-apiserver")))) {
            System.err.println(
                    "--real needs KUBE_TESTBIN_DIR pointing at the binaries tools/kube-testbin/build.sh builds");
            System.exit(2);
        }
        LocalDateTime started = LocalDateTime.now();
        Path work = root.resolve("benchmark/target/runs")
                .resolve(started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(work);
        Progress progress = (format, arguments) -> System.err.printf(
                "[%s] %s%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), format.formatted(arguments));
        String loadAtStart = Machine.load();
        long startNanos = System.nanoTime();
        RunSettings settings = new RunSettings(
                root,
                root.resolve("operator/target/quarkus-app/quarkus-run.jar"),
                options.operatorJavaHome(),
                options.operatorJvmOptions(),
                options.clientThreads(),
                options.changesPerSecond(),
                options.changeDuration(),
                options.timeout());

        KubernetesSerialization serialization = new KubernetesSerialization();
        Map<Integer, DesiredState> desired = new LinkedHashMap<>();
        for (int n : options.stacks()) {
            progress.say("rendering %d stacks with ./atonix render", n);
            desired.put(n, DesiredState.render(root, new BenchStacks(n), work, serialization));
        }

        List<ServerTier> tiers = new ArrayList<>();
        for (String tier : options.tiers()) {
            if (tier.equals("mock")) {
                tiers.add(new ServerTier("mock", MockApiServer.DESCRIPTION, MockApiServer::start));
            } else {
                Path bin = Path.of(binaries);
                tiers.add(new ServerTier(
                        "real",
                        RealApiServer.describe(bin),
                        dir -> RealApiServer.start(bin, Files.createTempDirectory(dir, "control-plane-"))));
            }
        }
        List<TierResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ServerTier tier : tiers) {
            Path tierWork = Files.createDirectories(work.resolve(tier.name()));
            StartupFigures startup = null;
            // A cold start needs a fresh server each time; cheap only for the mock.
            if (options.startupRuns() > 0 && tier == tiers.get(0)) {
                progress.say("[%s] JVM start to first reconcile, %d fresh starts", tier.name(), options.startupRuns());
                startup = new StartupRun(settings)
                        .run(tier.servers(), desired.values().iterator().next(), options.startupRuns(), tierWork);
            }
            List<SizeResult> sizes = new ArrayList<>();
            for (var entry : desired.entrySet()) {
                BenchStacks stacks = new BenchStacks(entry.getKey());
                try {
                    progress.say("[%s] N=%d: operator run", tier.name(), stacks.count());
                    OperatorFigures operator =
                            new OperatorRun(settings, progress).run(tier.servers(), stacks, entry.getValue(), tierWork);
                    progress.say("[%s] N=%d: baseline run", tier.name(), stacks.count());
                    BaselineFigures baseline =
                            new BaselineRun(settings, progress).run(tier.servers(), stacks, entry.getValue(), tierWork);
                    sizes.add(SizeResult.of(stacks.count(), entry.getValue().size(), operator, baseline));
                    progress.say(
                            "[%s] N=%d: operator %.1f s, baseline %.1f s",
                            tier.name(), stacks.count(), operator.creationSeconds(), baseline.creationSeconds());
                } catch (Exception | AssertionError e) {
                    // A phase that does not finish is a result too; the other sizes and tiers still run.
                    String failure = "[%s] N=%d: %s".formatted(tier.name(), stacks.count(), e.getMessage());
                    progress.say("%s", failure);
                    failures.add(failure);
                }
                // Written after every size, so a long run that fails later still leaves what it measured.
                List<TierResult> sofar = new ArrayList<>(results);
                sofar.add(new TierResult(tier.description(), startup, List.copyOf(sizes)));
                results(started, startNanos, loadAtStart, settings, options, sofar, failures)
                        .write(options.output());
            }
            results.add(new TierResult(tier.description(), startup, sizes));
        }

        Results all = results(started, startNanos, loadAtStart, settings, options, results, failures);
        new Table(System.out).print(all);
        all.write(options.output());
        System.out.println("\nresults: " + options.output() + "; logs: " + work);
        if (!failures.isEmpty()) {
            System.exit(1);
        }
    }

    private static Results results(
            LocalDateTime started,
            long startNanos,
            String loadAtStart,
            RunSettings settings,
            Options options,
            List<TierResult> tiers,
            List<String> failures)
            throws java.io.IOException {
        return new Results(
                started.toString(),
                (System.nanoTime() - startNanos) / 60e9,
                Machine.here(),
                loadAtStart,
                Machine.load(),
                settings.operatorJar().toString(),
                Machine.javaIn(settings.javaHome()),
                options.operatorJvmOptions(),
                options.clientThreads(),
                tiers,
                List.copyOf(failures));
    }
}
