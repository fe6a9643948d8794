package io.atonix.benchmark.operator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of a running JVM, read from outside: the resident set from /proc, then the live heap after a full
 * collection ({@code jcmd GC.class_histogram} collects before it counts), with the classes that hold most of it.
 */
public final class JvmMemory {
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
    private static final Pattern HEAP_INFO = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final int TOP_CLASSES = 60;

    private JvmMemory() {}

    /**
     * @param rssBytes          resident set before the forced collection, as the process ran
     * @param rssAfterGcBytes   resident set after it
     * @param liveHeapBytes     bytes of reachable objects after a full collection
     * @param committedHeapBytes heap the JVM has reserved from the OS
     * @param threads           threads of the process
     * @param topClasses        bytes held per class, the largest first
     */
    public record Sample(
            long rssBytes,
            long rssAfterGcBytes,
            long liveHeapBytes,
            long committedHeapBytes,
            int threads,
            Map<String, Long> topClasses) {}

    /** @param javaHome the JDK that runs the process: its jcmd speaks that JVM's protocol */
    public static Sample sample(long pid, Path javaHome) throws IOException, InterruptedException {
        long rss = statusField(pid, "VmRSS") * 1024;
        String histogram = jcmd(javaHome, pid, "GC.class_histogram");
        long live = -1;
        Map<String, Long> top = new LinkedHashMap<>();
        for (String line : histogram.split("\n")) {
            Matcher row = HISTOGRAM_ROW.matcher(line);
            if (row.find() && top.size() < TOP_CLASSES) {
                top.put(row.group(3), Long.parseLong(row.group(2)));
            }
            Matcher total = HISTOGRAM_TOTAL.matcher(line);
            if (total.find()) {
                live = Long.parseLong(total.group(2));
            }
        }
        if (live < 0) {
            throw new IllegalStateException("no total in the class histogram of " + pid + ":\n" + histogram);
        }
        Matcher heap = HEAP_INFO.matcher(jcmd(javaHome, pid, "GC.heap_info"));
        long committed = heap.find() ? Long.parseLong(heap.group(1)) * 1024 : -1;
        return new Sample(
                rss, statusField(pid, "VmRSS") * 1024, live, committed, (int) statusField(pid, "Threads"), top);
    }

    private static long statusField(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    private static String jcmd(Path javaHome, long pid, String command) throws IOException, InterruptedException {
        Path jcmd = javaHome.resolve("bin/jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
        }
        return output;
    }
}
