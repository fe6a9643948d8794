package io.atonix.benchmark.report;

import io.atonix.benchmark.measure.StartupFigures;
import java.util.List;

/** Everything measured against one kind of API server. */
public record TierResult(String server, StartupFigures startup, List<SizeResult> sizes) {}
