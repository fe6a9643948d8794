package io.atonix.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of the benchmark. */
record Options(
        List<Integer> stacks,
        boolean real,
        Path output,
        int startupRuns,
        int clientThreads,
        int changesPerSecond,
        Duration changeDuration,
        List<String> operatorJvmOptions,
        Path operatorJavaHome,
        List<String> tiers,
        Duration timeout) {

    static final String USAGE = """
            usage: benchmark [--stacks 100,1000] [--real] [--tiers mock,real] [--output FILE] [--startup-runs 3]
                             [--client-threads 8] [--change-rate 10] [--change-seconds 60]
                             [--operator-jvm-options "-Xmx256m ..."] [--operator-java-home DIR] [--timeout-minutes 30]
              --real    also run against the real control plane (needs KUBE_TESTBIN_DIR, see tools/kube-testbin)
              --tiers   which API servers, in order: mock, real or both (--real is --tiers mock,real); the cold
                        starts run on the first
              --operator-java-home  the JDK that runs the operator (default: the benchmark's own)""";

    /** Thrown by {@link #parse} for --help: the usage goes to standard output and the program ends successfully. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(USAGE, null, false, false);
        }
    }

    static Options parse(String[] args, Path defaultOutput) {
        List<Integer> stacks = List.of(100, 1000);
        Path output = defaultOutput;
        int startupRuns = 3;
        int threads = 8;
        int rate = 10;
        int seconds = 60;
        List<String> jvm = List.of();
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> tiers = List.of("mock");
        int timeout = 30;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--real")) {
                tiers = List.of("mock", "real");
                continue;
            }
            if (option.equals("--help") || option.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        (option.startsWith("--") ? option + " needs a value" : "unknown option " + option) + "\n"
                                + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--stacks" ->
                    stacks = Arrays.stream(value.split(","))
                            .map(String::trim)
                            .map(Integer::valueOf)
                            .toList();
                case "--output" -> output = Path.of(value);
                case "--startup-runs" -> startupRuns = Integer.parseInt(value);
                case "--client-threads" -> threads = Integer.parseInt(value);
                case "--change-rate" -> rate = Integer.parseInt(value);
                case "--change-seconds" -> seconds = Integer.parseInt(value);
                case "--operator-jvm-options" ->
                    jvm = new ArrayList<>(Arrays.asList(value.trim().split("\\s+")));
                case "--timeout-minutes" -> timeout = Integer.parseInt(value);
                case "--operator-java-home" -> javaHome = Path.of(value);
                case "--tiers" -> tiers = tiers(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        jvm = jvm.stream().filter(s -> !s.isBlank()).toList();
        return new Options(
                stacks,
                tiers.contains("real"),
                output,
                startupRuns,
                threads,
                rate,
                Duration.ofSeconds(seconds),
                jvm,
                javaHome,
                tiers,
                Duration.ofMinutes(timeout));
    }

    private static List<String> tiers(String value) {
        List<String> tiers = Arrays.stream(value.split(",")).map(String::trim).toList();
        if (tiers.isEmpty() || !List.of("mock", "real").containsAll(tiers)) {
            throw new IllegalArgumentException("--tiers takes mock, real or both, not " + value + "\n" + USAGE);
        }
        return tiers;
    }
}
