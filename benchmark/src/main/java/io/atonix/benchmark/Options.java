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
        Duration timeout) {

    static final String USAGE = """
            usage: benchmark [--stacks 100,1000] [--real] [--output FILE] [--startup-runs 3] [--client-threads 8]
                             [--change-rate 10] [--change-seconds 60] [--operator-jvm-options "-Xmx256m ..."] [--timeout-minutes 30]
              --real    also run against the real control plane (needs KUBE_TESTBIN_DIR, see tools/kube-testbin)""";

    /** Thrown by {@link #parse} for --help: the usage goes to standard output and the program ends successfully. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(USAGE, null, false, false);
        }
    }

    static Options parse(String[] args, Path defaultOutput) {
        List<Integer> stacks = List.of(100, 1000);
        boolean real = false;
        Path output = defaultOutput;
        int startupRuns = 3;
        int threads = 8;
        int rate = 10;
        int seconds = 60;
        List<String> jvm = List.of();
        int timeout = 30;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--real")) {
                real = true;
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
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        jvm = jvm.stream().filter(s -> !s.isBlank()).toList();
        return new Options(
                stacks,
                real,
                output,
                startupRuns,
                threads,
                rate,
                Duration.ofSeconds(seconds),
                jvm,
                Duration.ofMinutes(timeout));
    }
}
