package io.atonix.api.v1beta1.common;

/** The level of access a service is granted on a data store it uses. */
public enum Access {
    ReadWrite,
    ReadOnly
}
