package io.atonix.benchmark.server;

/** A kind of API server the benchmark measures against: a name for file names, a description for the report. */
public record ServerTier(String name, String description, ServerFactory servers) {}
