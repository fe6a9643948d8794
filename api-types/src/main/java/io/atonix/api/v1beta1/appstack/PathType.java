package io.atonix.api.v1beta1.appstack;

/** How an Ingress path matches request paths. */
public enum PathType {
    /** Matches the path and everything below it, element by element. */
    Prefix,
    /** Matches the path exactly. */
    Exact
}
