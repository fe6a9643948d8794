package io.atonix.api.v1beta1.common;

/** What happens to stored data when the resource that declared it is deleted. */
public enum DeletionPolicy {
    /** Volumes and Kafka topic data outlive the resource; the default. */
    Retain,
    /** Volumes and Kafka topics are deleted together with the resource. */
    Delete
}
