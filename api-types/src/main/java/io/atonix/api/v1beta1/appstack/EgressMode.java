package io.atonix.api.v1beta1.appstack;

/**
 * Where a stack's pods may connect: a mode rather than a switch, so that an allow-list of external destinations (a
 * payment provider, object storage) can join. Open leaves egress alone; DeclaredOnly allows DNS and what the
 * services' uses declare, nothing else.
 */
public enum EgressMode {
    Open,
    DeclaredOnly
}
