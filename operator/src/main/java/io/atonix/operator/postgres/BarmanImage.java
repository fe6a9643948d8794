package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;

/**
 * The image that runs a Postgres which archives to, or recovers from, an object store: the official postgres image of
 * the same tag with Debian's barman-cli-cloud added (images/postgres-barman/Dockerfile, built and published by the
 * release workflow next to the operator's image). PostgreSQL runs archive_command in its own container, so the
 * archiver must be in the server's image; a Postgres without an object store keeps the official image.
 */
public final class BarmanImage {
    public static final String REPOSITORY = "ghcr.io/atonix/postgres-barman";

    private BarmanImage() {}

    /** Whether the Postgres needs barman-cloud: it archives to an object store, or recovers from one. */
    public static boolean needed(Postgres postgres) {
        var spec = postgres.getSpec();
        return (spec.backup() != null && spec.backup().objectStore() != null) || spec.bootstrap() != null;
    }

    /** The postgres container's image: the barman image where needed, the official one otherwise. */
    public static String serverImage(Postgres postgres) {
        return (needed(postgres) ? REPOSITORY : "postgres") + ":"
                + postgres.getSpec().version();
    }
}
