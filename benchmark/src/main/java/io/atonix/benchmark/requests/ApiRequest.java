package io.atonix.benchmark.requests;

import java.util.Set;

/**
 * One request the API server received, as Kubernetes names it: verb (get, list, watch, create, update, patch, delete,
 * deletecollection), resource (with its subresource, e.g. {@code appstacks/status}) and namespace.
 *
 * @param nanos when the server saw it, on this JVM's {@link System#nanoTime()} clock
 */
public record ApiRequest(long nanos, Caller caller, String verb, String resource, String namespace) {
    public static final Set<String> WRITING_VERBS = Set.of("create", "update", "patch", "delete", "deletecollection");

    public boolean writes() {
        return WRITING_VERBS.contains(verb);
    }
}
