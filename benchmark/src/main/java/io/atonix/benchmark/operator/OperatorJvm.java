package io.atonix.benchmark.operator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator as it ships, the packaged Quarkus application, in a JVM of its own with the JVM's default heap and
 * the operator's default threads. Its output goes to a log file; the lines saying a stack was reconciled are
 * stamped with this JVM's clock as they arrive.
 */
public final class OperatorJvm implements AutoCloseable {
    // The reconciler logs this at DEBUG after every finished reconcile of an AppStack.
    private static final Pattern RECONCILED = Pattern.compile("reconciled AppStack (\\S+)/(\\S+)");
    private final Process process;
    private final long startNanos;
    private final int httpPort;
    private final List<Reconcile> reconciles = new ArrayList<>();
    private final Thread reader;
    private volatile double firstReconcileCpuSeconds = Double.NaN;

    public record Reconcile(long nanos, String stack) {}

    private OperatorJvm(Path javaHome, Path jar, Path kubeconfig, Path log, List<String> jvmOptions)
            throws IOException {
        httpPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        // Only the operator's own category: its reconciler reports each finished reconcile at debug level.
        builder.environment().put("QUARKUS_LOG_CATEGORY__IO_ATONIX__LEVEL", "DEBUG");
        startNanos = System.nanoTime();
        process = builder.start();
        PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
        reader = new Thread(() -> follow(file), "operator-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param javaHome the JDK that runs the operator */
    public static OperatorJvm start(Path javaHome, Path jar, Path kubeconfig, Path log, List<String> jvmOptions) {
        try {
            return new OperatorJvm(javaHome, jar, kubeconfig, log, jvmOptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void follow(PrintWriter file) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                long now = System.nanoTime();
                Matcher matcher = RECONCILED.matcher(line);
                if (matcher.find()) {
                    synchronized (reconciles) {
                        reconciles.add(new Reconcile(now, matcher.group(1) + "/" + matcher.group(2)));
                    }
                    if (Double.isNaN(firstReconcileCpuSeconds)) {
                        firstReconcileCpuSeconds = cpuSeconds();
                    }
                }
                file.println(line);
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            file.close();
        }
    }

    public long pid() {
        return process.pid();
    }

    /**
     * CPU time the process has used, user and system, from /proc. On a machine others load too, the wall-clock
     * figures stretch with the load; this one much less.
     */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, the 14th and 15th fields, in clock ticks of 1/100 s.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    /** CPU time the process had used when its first reconcile finished. */
    public double firstReconcileCpuSeconds() {
        return firstReconcileCpuSeconds;
    }

    public long startNanos() {
        return startNanos;
    }

    /** Waits until the health endpoint says ready; returns when that was, on this JVM's clock. */
    public long awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the operator exited with " + process.exitValue() + "; see its log");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notListening) {
                // not yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the operator did not become ready within " + timeout);
    }

    public List<Reconcile> reconcilesSince(long nanos) {
        synchronized (reconciles) {
            return reconciles.stream().filter(r -> r.nanos() >= nanos).toList();
        }
    }

    /** Waits until each stack has been reconciled at least once since the given time; returns when the last was. */
    public long awaitReconciled(Collection<String> stacks, long sinceNanos, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> missing = new HashSet<>(stacks);
            long last = 0;
            for (Reconcile reconcile : reconcilesSince(sinceNanos)) {
                if (missing.remove(reconcile.stack())) {
                    last = Math.max(last, reconcile.nanos());
                }
            }
            if (missing.isEmpty()) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        missing.size() + " of " + stacks.size() + " stacks were not reconciled within " + timeout
                                + ", e.g. " + missing.iterator().next());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the operator exited with " + process.exitValue() + "; see its log");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        reader.join(5000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
