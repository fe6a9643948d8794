package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.operator.common.PlatformSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every object the operator creates for a Postgres, as a pure function, in the order a person would apply them. */
public final class PostgresResources {

    private PostgresResources() {}

    /** @param password gives the passwords of the credential Secrets, which the operator generates when it creates them */
    public static List<HasMetadata> desired(Postgres postgres, Supplier<String> password) {
        Map<String, Secret> secrets = PostgresSecrets.all(postgres, password);
        List<HasMetadata> objects = new ArrayList<>(secrets.values());
        objects.add(PostgresConfig.desired(postgres));
        objects.add(PostgresServices.primary(postgres));
        objects.add(PostgresServices.headless(postgres));
        objects.add(
                PostgresStatefulSets.desired(postgres, PostgresStatefulSets.credentialsChecksum(postgres, secrets)));
        PostgresBackups.claim(postgres).ifPresent(objects::add);
        PostgresBackups.cronJob(postgres).ifPresent(objects::add);
        return objects;
    }

    /** {@link #desired} and the Postgres' monitoring objects: what the operator creates where the Prometheus Operator runs. */
    public static List<HasMetadata> withMonitoring(
            Postgres postgres, PlatformSettings platform, Supplier<String> password) {
        List<HasMetadata> objects = desired(postgres, password);
        objects.addAll(PostgresMonitoring.desired(postgres, platform));
        return objects;
    }
}
