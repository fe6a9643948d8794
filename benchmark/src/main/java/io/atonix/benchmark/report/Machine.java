package io.atonix.benchmark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured on, from /proc. */
public record Machine(String cpu, long processors, long memoryBytes, String kernel, String java) {

    public static Machine here() throws IOException {
        String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        String model = cpuinfo.lines()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("unknown");
        long processors = cpuinfo.lines().filter(l -> l.startsWith("processor")).count();
        long memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
                .findFirst()
                .orElse(-1);
        String kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        return new Machine(
                model,
                processors,
                memory,
                kernel,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The JDK in {@code javaHome} as its release file names it, e.g. "Eclipse Adoptium 25.0.1". */
    public static String javaIn(Path javaHome) {
        try {
            var release = new java.util.Properties();
            try (var in = Files.newBufferedReader(javaHome.resolve("release"))) {
                release.load(in);
            }
            String vendor = release.getProperty("IMPLEMENTOR", "").replace("\"", "");
            return (vendor + " " + release.getProperty("JAVA_VERSION", "?").replace("\"", "")).trim() + " (" + javaHome
                    + ")";
        } catch (IOException e) {
            return javaHome.toString();
        }
    }

    /** The 1, 5 and 15 minute load averages: others build on this machine too. */
    public static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
