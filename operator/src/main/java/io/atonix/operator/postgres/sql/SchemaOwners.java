package io.atonix.operator.postgres.sql;

import io.atonix.api.v1beta1.common.Access;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who acts as the owner of a database: exactly the logins of the plan with {@link Access#Owner} on it. Such a login is
 * a member of the owner role and, in that database, sets its role to it at login (a per-database role setting), so
 * the tables a migration creates are owned by the owner role, and the owner's default privileges give every other
 * login of the database its access to them. A member of the owner role has the owner's privileges, CONNECT included,
 * so every other member is removed, and a role setting that points at the owner is reset: a login changed from Owner
 * to another access, or removed from the plan, no longer changes the schema.
 */
final class SchemaOwners {
    /** Members of the owner role, and roles whose setting in the database is to act as it. */
    private static final String READ = """
            SELECT r.rolname,
                   EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = o.oid AND m.member = r.oid),
                   EXISTS (SELECT 1 FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
                           WHERE d.datname = ? AND s.setrole = r.oid AND ? = ANY (s.setconfig))
            FROM pg_roles r CROSS JOIN (SELECT oid FROM pg_roles WHERE rolname = ?) o
            WHERE r.oid <> o.oid""";

    private record State(String role, boolean member, boolean actsAsOwner) {}

    private SchemaOwners() {}

    static void ensure(SqlSession server, ProvisioningPlan plan) throws ProvisioningException {
        for (DatabasePlan database : plan.databases()) {
            ensure(server, database, plan.servicesOf(database.name()));
        }
    }

    private static void ensure(SqlSession server, DatabasePlan database, List<ServiceLogin> services)
            throws ProvisioningException {
        String name = database.name();
        String owner = database.owner().role();
        Set<String> owners = services.stream()
                .filter(s -> s.access() == Access.Owner)
                .map(ServiceLogin::role)
                .collect(Collectors.toCollection(TreeSet::new));
        List<State> states = server
                .query(
                        "members of role " + owner,
                        READ,
                        row -> new State(row.getString(1), row.getBoolean(2), row.getBoolean(3)),
                        name,
                        "role=" + owner,
                        owner)
                .stream()
                .filter(s -> s.member() || s.actsAsOwner() || owners.contains(s.role()))
                .sorted((a, b) -> a.role().compareTo(b.role()))
                .toList();
        for (State state : states) {
            boolean wanted = owners.contains(state.role());
            if (wanted && !state.member()) {
                server.execute(Ddl.grantMembership(owner, state.role()));
            }
            if (wanted && !state.actsAsOwner()) {
                server.execute(Ddl.actAsOwner(name, state.role(), owner));
            }
            if (!wanted && state.actsAsOwner()) {
                server.execute(Ddl.stopActingAsOwner(name, state.role(), owner));
            }
            if (!wanted && state.member()) {
                server.execute(Ddl.revokeMembership(owner, state.role(), "which no longer has Owner access"));
            }
        }
    }
}
