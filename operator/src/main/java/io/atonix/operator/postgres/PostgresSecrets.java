package io.atonix.operator.postgres;

import java.util.function.Supplier;

import io.atonix.api.v1alpha1.postgres.Postgres;
import io.atonix.operator.common.Names;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/**
 * The generated credentials of a Postgres. They are created once and matched by name afterwards, so a reconcile can
 * never regenerate them; the password comes from the caller (a generator in the operator, a placeholder in render).
 */
public final class PostgresSecrets {
    public static final String SUPERUSER = "postgres";
    public static final String MONITORING_ROLE = "atonix_monitor";

    private PostgresSecrets() {
    }

    public static Secret superuser(Postgres postgres, Supplier<String> password) {
        return basicAuth(postgres, Names.postgresSuperuserSecret(postgres.getMetadata().getName()), SUPERUSER, password.get());
    }

    public static Secret monitoring(Postgres postgres, Supplier<String> password) {
        return basicAuth(postgres, Names.postgresMonitoringSecret(postgres.getMetadata().getName()), MONITORING_ROLE, password.get());
    }

    private static Secret basicAuth(Postgres postgres, String name, String username, String password) {
        // No desired-hash stamp: a credential Secret is never compared or updated, only created when missing.
        return new SecretBuilder()
                .withMetadata(PostgresObjects.metadata(postgres, name))
                .withType("kubernetes.io/basic-auth")
                .addToStringData("username", username)
                .addToStringData("password", password)
                .build();
    }
}
