package io.atonix.operator.postgres.sql;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes every database of a plan exist, owned by its owner role, closed to PUBLIC, and open (CONNECT) to the
 * service roles that use it. PUBLIC may connect to and create temporary tables in a new database; after this,
 * only the owner and the services of the database can connect, so a role of one database cannot reach another.
 * Nothing is ever dropped.
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
    private record State(String owner, boolean publicHasPrivileges, Set<String> connectGrantees) {
    }

    private Databases() {
    }

    static void ensure(SqlSession server, ProvisioningPlan plan) throws ProvisioningException {
        Map<String, State> existing = read(server, plan.databases());
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
            for (ServiceLogin service : plan.servicesOf(name)) {
                if (!state.connectGrantees().contains(service.role())) {
                    server.execute(Ddl.grantConnect(name, service.role()));
                }
            }
        }
    }

    private static Map<String, State> read(SqlSession server, List<DatabasePlan> databases) throws ProvisioningException {
        String[] names = databases.stream().map(DatabasePlan::name).toArray(String[]::new);
        Map<String, State> states = new HashMap<>();
        server.query("databases", READ, row -> Map.entry(row.getString(1),
                new State(row.getString(2), row.getBoolean(3), Set.copyOf(Arrays.asList((String[]) row.getArray(4).getArray())))), (Object) names)
                .forEach(e -> states.put(e.getKey(), e.getValue()));
        return states;
    }
}
