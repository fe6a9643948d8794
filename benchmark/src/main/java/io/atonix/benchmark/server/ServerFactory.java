package io.atonix.benchmark.server;

import java.nio.file.Path;

/** Starts a fresh API server of one kind; every scenario gets its own. */
@FunctionalInterface
public interface ServerFactory {
    ApiServer start(Path work) throws Exception;
}
