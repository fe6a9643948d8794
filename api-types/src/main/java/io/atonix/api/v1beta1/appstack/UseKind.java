package io.atonix.api.v1beta1.appstack;

/** What a use of a service connects to: which of the stack's data stores gives its binding. */
public enum UseKind {
    Postgres,
    Redis,
    Kafka,
    ObjectStore
}
