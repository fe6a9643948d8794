package io.atonix.operator.postgres;

import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import io.atonix.api.v1beta1.postgres.Postgres;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import io.atonix.operator.binding.BasicAuth;
import io.atonix.operator.binding.PostgresBinding;
import io.atonix.operator.common.Names;
import io.atonix.operator.common.SecretValues;
import io.atonix.operator.postgres.sql.DatabasePlan;
import io.atonix.operator.postgres.sql.JdbcConnector;
import io.atonix.operator.postgres.sql.Login;
import io.atonix.operator.postgres.sql.Password;
import io.atonix.operator.postgres.sql.PostgresProvisioner;
import io.atonix.operator.postgres.sql.ProvisioningException;
import io.atonix.operator.postgres.sql.ProvisioningPlan;
import io.atonix.operator.postgres.sql.ProvisioningResult;
import io.atonix.operator.postgres.sql.ServiceLogin;
import io.atonix.operator.tls.ServerCertificate;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Brings databases and roles inside a running server to the spec, with the passwords of the credential Secrets. */
final class PostgresProvisioning {

    private PostgresProvisioning() {}

    /** The plan, or empty while a credential Secret is not in the cache yet. */
    static Optional<ProvisioningPlan> plan(Postgres postgres, Map<String, Secret> secrets) {
        String name = postgres.getMetadata().getName();
        Optional<Password> monitoring = password(secrets.get(Names.postgresMonitoringSecret(name)));
        if (monitoring.isEmpty()) {
            return Optional.empty();
        }
        List<DatabasePlan> databases = new ArrayList<>();
        for (DatabaseSpec database : postgres.getSpec().databases()) {
            Optional<Password> owner = password(secrets.get(Names.postgresOwnerSecret(name, database.name())));
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            databases.add(DatabasePlan.of(database, owner.get()));
        }
        List<ServiceLogin> logins = new ArrayList<>();
        for (RoleSpec role : postgres.getSpec().roles()) {
            Optional<Password> login = password(secrets.get(PostgresBinding.secretName(name, role.name())));
            if (login.isEmpty()) {
                return Optional.empty();
            }
            logins.add(ServiceLogin.of(role, login.get()));
        }
        return Optional.of(
                new ProvisioningPlan(databases, logins, new Login(PostgresSecrets.MONITORING_ROLE, monitoring.get())));
    }

    /** @param caCertificate the server's CA certificate when it requires TLS, else empty */
    static ProvisioningResult run(
            Postgres postgres, ProvisioningPlan plan, Password superuser, Optional<String> caCertificate)
            throws ProvisioningException {
        // The read-write Service's cluster DNS name: the operator runs in the cluster.
        return new PostgresProvisioner(new JdbcConnector(
                        PostgresSecrets.host(postgres),
                        PostgresConfig.PORT,
                        PostgresSecrets.SUPERUSER,
                        superuser,
                        caCertificate))
                .provision(plan);
    }

    /**
     * The CA certificate the operator checks the server against, when the server requires TLS; empty while its
     * Secret is not in the cache yet. Present and empty when the server does not require TLS.
     */
    static Optional<Optional<String>> caCertificate(Postgres postgres, Map<String, Secret> secrets) {
        if (!postgres.getSpec().tlsRequired()) {
            return Optional.of(Optional.empty());
        }
        return SecretValues.get(secrets.get(PostgresTls.secretName(postgres)), ServerCertificate.CA_CRT)
                .map(Optional::of);
    }

    static Optional<Password> password(Secret secret) {
        if (secret == null) {
            return Optional.empty();
        }
        if (secret.getData() != null && secret.getData().get(BasicAuth.PASSWORD) != null) {
            return Optional.of(Password.of(new String(
                    Base64.getDecoder().decode(secret.getData().get(BasicAuth.PASSWORD)), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null && secret.getStringData().get(BasicAuth.PASSWORD) != null) {
            return Optional.of(Password.of(secret.getStringData().get(BasicAuth.PASSWORD)));
        }
        return Optional.empty();
    }
}
