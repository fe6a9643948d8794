package io.atonix.operator.dataplane;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import java.util.List;

/**
 * The pods of {@link ArchivingToolsIT}, written as the operator would write them for a Postgres that archives to an
 * object store: every container runs {@value #IMAGE} as the postgres user (999), with the credentials of the object
 * store from a Secret ({@value #CREDENTIALS}: ACCESS_KEY_ID, ACCESS_SECRET_KEY) and PGDATA in a subdirectory of the
 * data claim, mounted at {@value #DATA}.
 */
final class ArchivingPods {
    static final String IMAGE = "ghcr.io/atonix/postgres-barman:15";
    static final String CREDENTIALS = "s3-credentials";
    static final String DATA = "/var/lib/postgresql/data";
    static final String PGDATA = DATA + "/pgdata";
    static final String PASSWORD = "archivist-password";

    private final String endpoint;
    private final String destination;
    private final String server;

    /** barman-cloud's arguments for {@code server}'s archive at {@code destination} (s3://bucket/path) on moto. */
    ArchivingPods(String endpoint, String destination, String server) {
        this.endpoint = endpoint;
        this.destination = destination;
        this.server = server;
    }

    /** barman-cloud-{@code tool} with the endpoint, then {@code options}, then the archive and the server's name. */
    String barman(String tool, String options) {
        return "barman-cloud-" + tool + " --endpoint-url " + endpoint + " " + options + (options.isEmpty() ? "" : " ")
                + destination + " " + server;
    }

    /** A server with {@code args} on its claim, ready when pg_isready passes, after {@code init} containers. */
    PodSpec server(String claim, List<String> args, List<Container> init) {
        return pod(claim, false)
                .withInitContainers(init)
                .addToContainers(container("postgres")
                        .withArgs(args)
                        .withNewReadinessProbe()
                        .withNewExec()
                        .withCommand("pg_isready", "-h", "127.0.0.1", "-U", "postgres")
                        .endExec()
                        .withPeriodSeconds(1)
                        .endReadinessProbe()
                        .build())
                .build();
    }

    /** A pod that runs {@code script} once, with the claim mounted read-only if {@code readOnly}. */
    PodSpec once(String claim, boolean readOnly, String script) {
        Container run = command("run", script);
        run.getVolumeMounts().get(0).setReadOnly(readOnly);
        return pod(claim, readOnly)
                .withRestartPolicy("Never")
                .addToContainers(run)
                .build();
    }

    Container command(String name, String script) {
        return container(name).withCommand("sh", "-c", script).build();
    }

    private ContainerBuilder container(String name) {
        return new ContainerBuilder()
                .withName(name)
                .withImage(IMAGE)
                .withEnv(
                        new EnvVar("PGDATA", PGDATA, null),
                        new EnvVar("POSTGRES_PASSWORD", PASSWORD, null),
                        new EnvVar("PGPASSWORD", PASSWORD, null),
                        secret("AWS_ACCESS_KEY_ID", "ACCESS_KEY_ID"),
                        secret("AWS_SECRET_ACCESS_KEY", "ACCESS_SECRET_KEY"))
                .addNewVolumeMount()
                .withName("data")
                .withMountPath(DATA)
                .endVolumeMount()
                // The server's socket directory, as the operator's StatefulSet mounts it (the image has one).
                .addNewVolumeMount()
                .withName("run")
                .withMountPath("/var/run/postgresql")
                .endVolumeMount();
    }

    private static EnvVar secret(String name, String key) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef(key, CREDENTIALS, false)
                .endValueFrom()
                .build();
    }

    private static PodSpecBuilder pod(String claim, boolean readOnly) {
        return new PodSpecBuilder()
                .withNewSecurityContext()
                .withRunAsUser(999L)
                .withRunAsGroup(999L)
                .withFsGroup(999L)
                .endSecurityContext()
                .addNewVolume()
                .withName("data")
                .withNewPersistentVolumeClaim(claim, readOnly)
                .endVolume()
                .addNewVolume()
                .withName("run")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume();
    }
}
