package io.atonix.benchmark.measure;

/** Tells the person running the benchmark what it is doing; a run takes minutes. */
@FunctionalInterface
public interface Progress {
    void say(String format, Object... arguments);
}
