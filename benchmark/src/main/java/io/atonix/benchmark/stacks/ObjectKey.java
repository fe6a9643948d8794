package io.atonix.benchmark.stacks;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Identifies an object across its versions: the API version it is served at, its kind, namespace and name. */
public record ObjectKey(String apiVersion, String kind, String namespace, String name) {

    public static ObjectKey of(HasMetadata object) {
        return new ObjectKey(
                object.getApiVersion(),
                object.getKind(),
                object.getMetadata().getNamespace(),
                object.getMetadata().getName());
    }

    @Override
    public String toString() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}
