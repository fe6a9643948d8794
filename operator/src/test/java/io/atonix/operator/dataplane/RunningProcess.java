package io.atonix.operator.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A started {@link ProcessSpec}, its output (both streams) in a log file, stopped as the kubelet stops a container. */
final class RunningProcess implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final String stopSignal;

    private RunningProcess(Process process, Path log, String stopSignal) {
        this.process = process;
        this.log = log;
        this.stopSignal = stopSignal;
    }

    static RunningProcess start(ProcessSpec spec, Path log) {
        try {
            Files.createDirectories(spec.workingDirectory());
            Files.createDirectories(log.getParent());
            Process process = spec.processBuilder()
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new RunningProcess(process, log, spec.stopSignal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code spec} to its end, as an exec probe or a Job's container: its exit code. */
    static int run(ProcessSpec spec, Path log, Duration timeout) throws InterruptedException {
        RunningProcess running = start(spec, log);
        if (!running.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            running.process.destroyForcibly();
            throw new AssertionError(
                    spec.command() + " did not end within " + timeout + "; its output: " + running.log());
        }
        return running.process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image's stop signal, then SIGKILL after the grace period: its exit code. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            new ProcessBuilder("kill", "-" + stopSignal, String.valueOf(process.pid()))
                    .start()
                    .waitFor();
        }
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
