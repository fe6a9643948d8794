package io.atonix.api.v1beta1.common;

/**
 * Whether a data store speaks TLS: a mode rather than a switch, so that a third value (TLS offered beside plain
 * connections, during a migration) can join without a new field.
 */
public enum TlsMode {
    /** Plain connections only, as before TLS was offered; the default. */
    Disabled,
    /** TLS only: the server refuses plain connections, and the bindings tell clients to verify the server. */
    Required
}
