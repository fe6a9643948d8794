package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.atonix.operator.realcluster.OwnNamespaces;
import io.atonix.operator.realcluster.RealCluster;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official postgres image's entrypoint behaviours that the operator's pods do not use, in plain pods of
 * {@code postgres:15} on the data plane's node without the operator: the superuser's password read from the file
 * {@code POSTGRES_PASSWORD_FILE} names, the database {@code POSTGRES_DB} names created at initdb, and no initdb
 * without a password, or with both the password and its file.
 */
@ExtendWith({RealCluster.class, DataPlane.class})
class DataPlanePostgresEntrypointIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String PASSWORD = "from-a-file";
    /** SQLSTATE invalid_password. */
    private static final String WRONG_PASSWORD = "28P01";

    private static KubernetesClient admin;
    private static OwnNamespaces namespaces;
    private static String namespace;

    @BeforeAll
    static void start() {
        admin = RealCluster.plane().adminClient();
        namespaces = new OwnNamespaces(admin, "dp-entrypoint");
        namespace = namespaces.plain("pg");
        DataPlane.admit(admin, namespace);
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("superuser")
                        .withNamespace(namespace)
                        .endMetadata()
                        .addToStringData("password", PASSWORD)
                        .build())
                .create();
    }

    @AfterAll
    static void stop() {
        try {
            if (namespaces != null) {
                namespaces.removeAll();
            }
        } finally {
            if (admin != null) {
                admin.close();
            }
        }
    }

    @Test
    void theSuperusersPasswordComesFromPostgresPasswordFileAndPostgresDbIsCreated() throws Exception {
        admin.resource(pod(
                        "from-file",
                        new EnvVar("POSTGRES_PASSWORD_FILE", "/etc/superuser/password", null),
                        new EnvVar("POSTGRES_DB", "inventory", null)))
                .create();

        String url = await().atMost(TIMEOUT)
                .ignoreExceptions()
                .until(
                        () -> {
                            String address = admin.pods()
                                    .inNamespace(namespace)
                                    .withName("from-file")
                                    .get()
                                    .getStatus()
                                    .getPodIP();
                            String inventory = "jdbc:postgresql://" + address + ":5432/inventory";
                            DriverManager.getConnection(inventory, "postgres", PASSWORD)
                                    .close();
                            return inventory;
                        },
                        u -> true);
        try (Connection connection = DriverManager.getConnection(url, "postgres", PASSWORD);
                ResultSet database = connection.createStatement().executeQuery("SELECT current_database()")) {
            database.next();
            assertThat(database.getString(1)).isEqualTo("inventory");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "not-" + PASSWORD))
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(WRONG_PASSWORD));
    }

    @Test
    void anEmptyDataDirectoryIsNotInitialisedWithoutAPasswordNorWithBothThePasswordAndItsFile() {
        admin.resource(pod("without-password")).create();
        admin.resource(pod(
                        "password-twice",
                        new EnvVar("POSTGRES_PASSWORD", PASSWORD, null),
                        new EnvVar("POSTGRES_PASSWORD_FILE", "/etc/superuser/password", null)))
                .create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            for (String name : List.of("without-password", "password-twice")) {
                Pod pod = admin.pods().inNamespace(namespace).withName(name).get();
                assertThat(pod.getStatus().getPhase()).as(name).isEqualTo("Failed");
                ContainerStateTerminated ended =
                        pod.getStatus().getContainerStatuses().get(0).getState().getTerminated();
                assertThat(ended.getExitCode()).as(name).isEqualTo(1);
            }
        });
    }

    /**
     * A pod of postgres:15 as the image's postgres user (999), its data directory a new directory in an emptyDir (initdb
     * must own it), the superuser's password mounted at /etc/superuser, never restarted.
     */
    private static Pod pod(String name, EnvVar... env) {
        List<EnvVar> variables = new ArrayList<>(List.of(env));
        variables.add(new EnvVar("PGDATA", "/var/lib/postgresql/data/pgdata", null));
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withNewSecurityContext()
                .withRunAsUser(999L)
                .withRunAsGroup(999L)
                .withFsGroup(999L)
                .endSecurityContext()
                .addNewContainer()
                .withName("postgres")
                .withImage("postgres:15")
                .withEnv(variables)
                .addNewVolumeMount()
                .withName("data")
                .withMountPath("/var/lib/postgresql/data")
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("superuser")
                .withMountPath("/etc/superuser")
                .withReadOnly(true)
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName("data")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .addNewVolume()
                .withName("superuser")
                .withNewSecret()
                .withSecretName("superuser")
                .endSecret()
                .endVolume()
                .endSpec()
                .build();
    }
}
