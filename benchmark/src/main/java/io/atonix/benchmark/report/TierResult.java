package io.atonix.benchmark.report;

import java.util.List;

import io.atonix.benchmark.measure.StartupFigures;

/** Everything measured against one kind of API server. */
public record TierResult(String server, StartupFigures startup, List<SizeResult> sizes) {
}
