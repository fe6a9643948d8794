package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.binding.BasicAuth;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.binding.ServiceBinding;
import io.atonix.operator.common.Names;
import io.atonix.operator.postgres.sql.RoleNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The generated credentials of a Postgres. They are created once and matched by name afterwards, so a reconcile can
 * never regenerate them; the password comes from the caller (a generator in the operator, a placeholder in render).
 */
public final class PostgresSecrets {
    public static final String SUPERUSER = "postgres";
    public static final String MONITORING_ROLE = RoleNames.MONITORING;

    private PostgresSecrets() {}

    public static Secret superuser(Postgres postgres, Supplier<String> password) {
        return basicAuth(
                postgres, Names.postgresSuperuserSecret(postgres.getMetadata().getName()), SUPERUSER, password.get());
    }

    public static Secret monitoring(Postgres postgres, Supplier<String> password) {
        return basicAuth(
                postgres,
                Names.postgresMonitoringSecret(postgres.getMetadata().getName()),
                MONITORING_ROLE,
                password.get());
    }

    /** The login of a database's owner role; the Postgres' binding points at the first database's. */
    public static Secret owner(Postgres postgres, String database, Supplier<String> password) {
        return basicAuth(
                postgres,
                Names.postgresOwnerSecret(postgres.getMetadata().getName(), database),
                RoleNames.owner(database),
                password.get());
    }

    /**
     * The binding of an application's login role, in the servicebinding.io form: everything a client needs to connect,
     * so that a service reads it through environment variables and never holds a copy of the password.
     */
    public static Secret login(Postgres postgres, RoleSpec role, Supplier<String> password) {
        String host = host(postgres);
        String secret = password.get();
        String username = RoleNames.login(role.name());
        Map<String, String> data = new LinkedHashMap<>();
        data.put(ServiceBinding.TYPE, PostgresBinding.TYPE);
        data.put(ServiceBinding.PROVIDER, ServiceBinding.ATONIX);
        data.put(ServiceBinding.HOST, host);
        data.put(ServiceBinding.PORT, String.valueOf(PostgresConfig.PORT));
        data.put(PostgresBinding.DATABASE, role.database());
        data.put(ServiceBinding.USERNAME, username);
        data.put(ServiceBinding.PASSWORD, secret);
        data.put(
                ServiceBinding.URI,
                "postgresql://" + username + ":" + secret + "@" + host + ":" + PostgresConfig.PORT + "/"
                        + role.database());
        data.put(
                PostgresBinding.JDBC_URL,
                "jdbc:postgresql://" + host + ":" + PostgresConfig.PORT + "/" + role.database());
        return new SecretBuilder()
                .withMetadata(PostgresObjects.kept(
                        postgres,
                        PostgresBinding.secretName(postgres.getMetadata().getName(), role.name())))
                .withType(PostgresBinding.SECRET_TYPE)
                .withStringData(data)
                .build();
    }

    /** The read-write Service's name in cluster DNS. */
    public static String host(Postgres postgres) {
        return Names.serviceHost(
                postgres.getMetadata().getName(), postgres.getMetadata().getNamespace());
    }

    /** Every credential Secret the Postgres needs, keyed by name. */
    public static Map<String, Secret> all(Postgres postgres, Supplier<String> password) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (Secret secret : List.of(superuser(postgres, password), monitoring(postgres, password))) {
            secrets.put(secret.getMetadata().getName(), secret);
        }
        for (DatabaseSpec database : postgres.getSpec().databases()) {
            Secret secret = owner(postgres, database.name(), password);
            secrets.put(secret.getMetadata().getName(), secret);
        }
        for (RoleSpec role : postgres.getSpec().roles()) {
            Secret secret = login(postgres, role, password);
            secrets.put(secret.getMetadata().getName(), secret);
        }
        return secrets;
    }

    private static Secret basicAuth(Postgres postgres, String name, String username, String password) {
        // No desired-hash stamp: a credential Secret is never compared or updated, only created when missing.
        return new SecretBuilder()
                .withMetadata(PostgresObjects.kept(postgres, name))
                .withType(BasicAuth.SECRET_TYPE)
                .addToStringData(BasicAuth.USERNAME, username)
                .addToStringData(BasicAuth.PASSWORD, password)
                .build();
    }
}
