package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.Names;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.Map;

/** The Services of a Postgres: the read-write one applications connect to, and the StatefulSet's headless one. */
public final class PostgresServices {

    private PostgresServices() {}

    /** The primary, read-write: named like the Postgres, so that its host name is {@code <name>.<namespace>.svc}. */
    public static Service primary(Postgres postgres) {
        return PostgresObjects.finish(new ServiceBuilder()
                .withMetadata(PostgresObjects.metadata(
                        postgres, postgres.getMetadata().getName()))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(PostgresObjects.serverSelector(postgres))
                .addNewPort()
                .withName("postgres")
                .withPort(PostgresConfig.PORT)
                .withTargetPort(new IntOrString("postgres"))
                .withProtocol("TCP")
                .endPort()
                .addNewPort()
                .withName("metrics")
                .withPort(PostgresStatefulSets.EXPORTER_PORT)
                .withTargetPort(new IntOrString("metrics"))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build());
    }

    public static Service headless(Postgres postgres) {
        return PostgresObjects.finish(new ServiceBuilder()
                .withMetadata(PostgresObjects.metadata(
                        postgres, Names.postgresHeadless(postgres.getMetadata().getName())))
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(PostgresObjects.serverSelector(postgres))
                .addNewPort()
                .withName("postgres")
                .withPort(PostgresConfig.PORT)
                .withTargetPort(new IntOrString("postgres"))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build());
    }

    /** The labels of a Postgres' Services (and its other objects). */
    public static Map<String, String> labels(Postgres postgres) {
        return PostgresObjects.metadata(postgres, postgres.getMetadata().getName())
                .getLabels();
    }

    /** The labels that pick a Postgres' Services, and its pods. */
    public static Map<String, String> selector(Postgres postgres) {
        return PostgresObjects.selector(postgres);
    }
}
