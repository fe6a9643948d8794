package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.ObjectStoreSpec;

/**
 * Where one server's archive lives in an object store, in barman-cloud's terms: the destination URL
 * {@code s3://<bucket>/<path>} and the server's name under it. The path defaults to the namespace, so that Postgres of
 * the same name in two namespaces, writing to one bucket, never write into each other's archive.
 */
public record ArchiveLocation(ObjectStoreSpec store, String destination, String server) {

    public static ArchiveLocation of(ObjectStoreSpec store, String namespace, String server) {
        return new ArchiveLocation(store, "s3://" + store.bucket() + "/" + store.pathOr(namespace), server);
    }

    /** Whether both name the same archive: the same endpoint, destination and server. */
    public boolean sameAs(ArchiveLocation other) {
        return store.endpoint().equals(other.store.endpoint())
                && destination.equals(other.destination)
                && server.equals(other.server);
    }

    @Override
    public String toString() {
        return store.endpoint() + " " + destination + "/" + server;
    }
}
