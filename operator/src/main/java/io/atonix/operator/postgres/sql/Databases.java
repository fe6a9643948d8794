package io.atonix.operator.postgres.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes every database of a plan exist, owned by its owner role, closed to PUBLIC, and open (CONNECT) to the
 * service roles that use it. PUBLIC may connect to and create temporary tables in a new database; after this,
 * only the owner and the services of the database can connect, so a role of one database cannot reach another, and
 * a role the plan no longer lists loses CONNECT. Nothing is ever dropped.
 */
final class Databases {
    private static final String READ = """
            SELECT d.datname,
                   pg_get_userbyid(d.datdba),
                   EXISTS (SELECT 1 FROM aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a WHERE a.grantee = 0),
                   ARRAY(SELECT pg_get_userbyid(a.grantee)
                         FROM aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
                         WHERE a.grantee <> 0 AND a.privilege_type = 'CONNECT')
            FROM pg_database d
            WHERE d.datname = ANY (?)""";

    /**
     * @param connectGrantees roles granted CONNECT directly; a grant to PUBLIC does not count, it is revoked
     */
    private record State(String owner, boolean publicHasPrivileges, Set<String> connectGrantees) {}

    /** The databases every server has besides the applications'; template0 already refuses connections. */
    private static final List<String> SERVER_DATABASES = List.of(PostgresProvisioner.MAINTENANCE_DATABASE, "template1");

    private Databases() {}

    static void ensure(SqlSession server, ProvisioningPlan plan) throws ProvisioningException {
        List<String> names = new ArrayList<>(
                plan.databases().stream().map(DatabasePlan::name).toList());
        names.addAll(SERVER_DATABASES);
        Map<String, State> existing = read(server, names);
        for (DatabasePlan database : plan.databases()) {
            String name = database.name();
            String owner = database.owner().role();
            State state = existing.get(name);
            if (state == null) {
                server.execute(Ddl.createDatabase(name, owner));
                // A new database has no ACL, which means PUBLIC may connect: what acldefault('d', owner) says.
                state = new State(owner, true, Set.of(owner));
            }
            if (!state.owner().equals(owner)) {
                server.execute(Ddl.changeDatabaseOwner(name, owner));
            }
            if (state.publicHasPrivileges()) {
                server.execute(Ddl.revokeDatabaseFromPublic(name));
            }
            Set<String> planned = new HashSet<>();
            planned.add(owner);
            for (ServiceLogin service : plan.servicesOf(name)) {
                planned.add(service.role());
                if (!state.connectGrantees().contains(service.role())) {
                    server.execute(Ddl.grantConnect(name, service.role()));
                }
            }
            // A service that no longer uses the database (its role left the spec) loses the way in; its role and
            // its grants inside the database stay, as nothing is ever dropped.
            for (String grantee : new TreeSet<>(state.connectGrantees())) {
                if (!planned.contains(grantee)) {
                    server.execute(Ddl.revokeConnect(name, grantee));
                }
            }
        }
        closeServerDatabases(server, plan, existing);
    }

    /**
     * PUBLIC may connect to the server's own databases too, which would let every service role read the catalog of
     * {@code postgres} and create temporary tables there; only the exporter, which connects to {@code postgres}, is let in.
     */
    private static void closeServerDatabases(SqlSession server, ProvisioningPlan plan, Map<String, State> existing)
            throws ProvisioningException {
        for (String name : SERVER_DATABASES) {
            State state = existing.get(name);
            if (state == null) {
                continue;
            }
            if (state.publicHasPrivileges()) {
                server.execute(Ddl.revokeDatabaseFromPublic(name));
            }
        }
        State maintenance = existing.get(PostgresProvisioner.MAINTENANCE_DATABASE);
        if (plan.monitoring() != null
                && maintenance != null
                && !maintenance.connectGrantees().contains(plan.monitoring().role())) {
            server.execute(Ddl.grantConnect(
                    PostgresProvisioner.MAINTENANCE_DATABASE, plan.monitoring().role()));
        }
    }

    private static Map<String, State> read(SqlSession server, List<String> databases) throws ProvisioningException {
        String[] names = databases.toArray(String[]::new);
        Map<String, State> states = new HashMap<>();
        server.query(
                        "databases",
                        READ,
                        row -> Map.entry(
                                row.getString(1),
                                new State(row.getString(2), row.getBoolean(3), Set.copyOf(Arrays.asList((String[])
                                        row.getArray(4).getArray())))),
                        (Object) names)
                .forEach(e -> states.put(e.getKey(), e.getValue()));
        return states;
    }
}
