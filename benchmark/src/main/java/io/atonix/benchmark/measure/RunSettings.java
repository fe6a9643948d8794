package io.atonix.benchmark.measure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param repositoryRoot where crds/ and ./atonix are
 * @param operatorJar    the packaged operator
 * @param javaHome       the JDK that runs it (its java, and jcmd for the heap)
 * @param jvmOptions     options for the operator's JVM; none by default, so it runs with the JVM's own defaults
 * @param clientThreads  how many stacks the benchmark's client writes at once, in the operator run and the baseline
 * @param timeout        the longest any phase may take
 */
public record RunSettings(
        Path repositoryRoot,
        Path operatorJar,
        Path javaHome,
        List<String> jvmOptions,
        int clientThreads,
        int changesPerSecond,
        Duration changeDuration,
        Duration timeout) {}
