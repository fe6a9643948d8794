package io.atonix.operator.postgres.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes every login of a plan exist and able to log in with the password of the plan, which comes from the role's
 * Secret. The server's verifier is checked against that password on the operator's side, so a role whose Secret
 * was rotated gets the new password, and a role whose password already matches gets no statement.
 */
final class LoginRoles {
    static final String MONITORING_GROUP = "pg_monitor";

    /** pg_authid, not pg_roles: only pg_authid tells whether a role has a password at all. */
    private static final String READ = """
            SELECT a.rolname, a.rolcanlogin, a.rolpassword, pg_has_role(a.oid, 'pg_monitor', 'MEMBER')
            FROM pg_authid a
            WHERE a.rolname = ANY (?)""";

    /** @param verifier what pg_authid holds for the password: a SCRAM verifier, or null for none */
    private record State(boolean canLogin, String verifier, boolean monitors) {}

    private LoginRoles() {}

    static void ensure(SqlSession server, ProvisioningPlan plan) throws ProvisioningException {
        List<Login> logins = plan.logins();
        Map<String, State> existing = read(server, logins);
        for (Login login : logins) {
            State state = existing.get(login.role());
            if (state == null) {
                server.execute(Ddl.createRole(login.role(), PasswordVerifier.scramSha256(login.password())));
                existing.put(login.role(), new State(true, "", false));
                continue;
            }
            if (!state.canLogin()) {
                server.execute(Ddl.allowLogin(login.role()));
            }
            if (state.verifier() == null) {
                server.execute(Ddl.setPassword(
                        login.role(),
                        PasswordVerifier.scramSha256(login.password()),
                        "set a password for role " + login.role() + ", which had none"));
            } else if (!PasswordVerifier.verifies(state.verifier(), login.password())) {
                // The role's Secret holds a new password: it was rotated, or deleted and generated again.
                server.execute(Ddl.setPassword(
                        login.role(),
                        PasswordVerifier.scramSha256(login.password()),
                        "changed the password of role " + login.role() + " to the one in its Secret"));
            }
        }
        Login monitoring = plan.monitoring();
        if (monitoring != null && !existing.get(monitoring.role()).monitors()) {
            server.execute(Ddl.grantMembership(MONITORING_GROUP, monitoring.role()));
        }
    }

    static void changePassword(SqlSession server, Login login) throws ProvisioningException {
        server.execute(Ddl.setPassword(
                login.role(),
                PasswordVerifier.scramSha256(login.password()),
                "changed the password of role " + login.role()));
    }

    private static Map<String, State> read(SqlSession server, List<Login> logins) throws ProvisioningException {
        String[] names = logins.stream().map(Login::role).toArray(String[]::new);
        Map<String, State> states = new HashMap<>();
        server.query(
                        "roles",
                        READ,
                        row -> Map.entry(
                                row.getString(1), new State(row.getBoolean(2), row.getString(3), row.getBoolean(4))),
                        (Object) names)
                .forEach(e -> states.put(e.getKey(), e.getValue()));
        return states;
    }
}
