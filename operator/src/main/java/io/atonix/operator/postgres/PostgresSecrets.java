package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.binding.BasicAuth;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.binding.ServiceBinding;
import io.atonix.operator.common.Names;
import io.atonix.operator.postgres.sql.RoleNames;
import io.atonix.operator.tls.ServerCertificate;
import io.atonix.operator.tls.StoreCertificates;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
        return login(
                postgres,
                role,
                password,
                StoreCertificates.notGiven(postgres.getMetadata().getName()));
    }

    /**
     * The login's binding; when the server requires TLS, with the CA certificate and verify-full in the URLs, so that
     * a client checks it talks to this server.
     */
    public static Secret login(
            Postgres postgres, RoleSpec role, Supplier<String> password, Supplier<ServerCertificate> certificates) {
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
        boolean tls = postgres.getSpec().tlsRequired();
        String query = tls ? "?" + PostgresBinding.SSL_MODE + "=" + PostgresBinding.VERIFY_FULL : "";
        data.put(
                ServiceBinding.URI,
                "postgresql://" + username + ":" + secret + "@" + host + ":" + PostgresConfig.PORT + "/"
                        + role.database() + query);
        data.put(
                PostgresBinding.JDBC_URL,
                "jdbc:postgresql://" + host + ":" + PostgresConfig.PORT + "/" + role.database() + query);
        if (tls) {
            data.put(PostgresBinding.SSL_MODE, PostgresBinding.VERIFY_FULL);
            data.put(PostgresBinding.SSL_ROOT_CERT, ServiceBinding.CA_CRT);
            data.put(ServiceBinding.CA_CRT, certificates.get().caCertificate());
        }
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

    /**
     * Every credential Secret the Postgres needs, keyed by name, each password and the certificates from the same
     * supplier (placeholders in render).
     */
    public static Map<String, Secret> all(Postgres postgres, Supplier<String> password) {
        return all(postgres, name -> password.get(), PostgresTls.placeholder(password));
    }

    /**
     * Every credential Secret the Postgres needs, keyed by name, and its TLS Secret when it requires TLS.
     *
     * @param password the password of the Secret of the given name: the stored one, or a new one
     * @param certificates the stored certificates, or new ones, asked for only when the server requires TLS
     */
    public static Map<String, Secret> all(
            Postgres postgres, Function<String, String> password, Supplier<ServerCertificate> certificates) {
        String name = postgres.getMetadata().getName();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        List<Secret> all = new ArrayList<>();
        all.add(superuser(postgres, () -> password.apply(Names.postgresSuperuserSecret(name))));
        all.add(monitoring(postgres, () -> password.apply(Names.postgresMonitoringSecret(name))));
        for (DatabaseSpec database : postgres.getSpec().databases()) {
            all.add(owner(
                    postgres, database.name(), () -> password.apply(Names.postgresOwnerSecret(name, database.name()))));
        }
        for (RoleSpec role : postgres.getSpec().roles()) {
            all.add(login(
                    postgres, role, () -> password.apply(PostgresBinding.secretName(name, role.name())), certificates));
        }
        if (postgres.getSpec().tlsRequired()) {
            all.add(PostgresTls.secret(postgres, certificates.get()));
        }
        all.forEach(secret -> secrets.put(secret.getMetadata().getName(), secret));
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
