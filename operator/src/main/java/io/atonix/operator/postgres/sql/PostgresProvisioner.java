package io.atonix.operator.postgres.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes a running PostgreSQL server match a {@link ProvisioningPlan}: login roles, databases and their owners,
 * who may connect where and who acts as a database's owner, schema {@code public}, extensions, and each service's privileges. It reads the catalog
 * first and sends only the statements for what is missing, so a run against a server that already matches sends
 * none and returns no actions. It never drops a database, a role or a table. A role's password is the one of the
 * plan: when the server's verifier does not accept it (the role's Secret was rotated), the role gets it.
 *
 * <pre>{@code
 * ProvisioningResult result = new PostgresProvisioner(new JdbcConnector(host, 5432, "postgres", superuserPassword)).provision(plan);
 * }</pre>
 */
public final class PostgresProvisioner {
    /** The database every server has; roles and databases are managed from a connection to it. */
    public static final String MAINTENANCE_DATABASE = "postgres";

    private final DatabaseConnector connector;

    public PostgresProvisioner(DatabaseConnector connector) {
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    public ProvisioningResult provision(ProvisioningPlan plan) throws ProvisioningException {
        List<String> actions = new ArrayList<>();
        try (SqlSession server = SqlSession.open(connector, MAINTENANCE_DATABASE, actions)) {
            LoginRoles.ensure(server, plan);
            Databases.ensure(server, plan);
            SchemaOwners.ensure(server, plan);
        }
        for (DatabasePlan database : plan.databases()) {
            try (SqlSession session = SqlSession.open(connector, database.name(), actions)) {
                DatabaseContents.ensure(session, database);
                for (ServiceLogin service : plan.servicesOf(database.name())) {
                    ServiceGrants.ensure(session, database.owner().role(), service);
                }
            }
        }
        return new ProvisioningResult(actions);
    }

    /**
     * Sets a new password for an existing role, to rotate it (its Secret was deleted or marked for rotation). The
     * old password stops working at once; sessions already open stay open.
     */
    public ProvisioningResult changePassword(Login login) throws ProvisioningException {
        List<String> actions = new ArrayList<>();
        try (SqlSession server = SqlSession.open(connector, MAINTENANCE_DATABASE, actions)) {
            LoginRoles.changePassword(server, login);
        }
        return new ProvisioningResult(actions);
    }
}
