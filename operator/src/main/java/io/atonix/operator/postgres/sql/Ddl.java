package io.atonix.operator.postgres.sql;

import static io.atonix.operator.postgres.sql.SqlQuoting.identifier;
import static io.atonix.operator.postgres.sql.SqlQuoting.literal;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text of every statement that changes the server, built from quoted names only. Each method returns the
 * statement with a description of what it does; descriptions name objects but never carry a password.
 */
final class Ddl {

    private Ddl() {}

    /** A statement to run and what running it does, as a person reads it in an Event. */
    record Statement(String sql, String action, String secret) {
        boolean carriesSecret() {
            return secret != null;
        }

        @Override
        public String toString() {
            return action; // The SQL may carry a password verifier.
        }
    }

    static Statement createRole(String role, String passwordVerifier) {
        return secret(
                "CREATE ROLE " + identifier(role) + " LOGIN PASSWORD " + literal(passwordVerifier),
                "created role " + role,
                passwordVerifier);
    }

    static Statement allowLogin(String role) {
        return plain("ALTER ROLE " + identifier(role) + " LOGIN", "allowed role " + role + " to log in");
    }

    static Statement setPassword(String role, String passwordVerifier, String action) {
        return secret(
                "ALTER ROLE " + identifier(role) + " PASSWORD " + literal(passwordVerifier), action, passwordVerifier);
    }

    static Statement grantMembership(String group, String member) {
        return plain(
                "GRANT " + identifier(group) + " TO " + identifier(member),
                "made role " + member + " a member of " + group);
    }

    static Statement revokeMembership(String group, String member, String reason) {
        return plain(
                "REVOKE " + identifier(group) + " FROM " + identifier(member),
                "revoked the membership of role " + member + " in " + group + ", " + reason);
    }

    /** At each login to the database the role acts as {@code owner}, so what it creates is the owner's. */
    static Statement actAsOwner(String database, String role, String owner) {
        return plain(
                "ALTER ROLE " + identifier(role) + " IN DATABASE " + identifier(database) + " SET role = "
                        + literal(owner),
                "made role " + role + " act as " + owner + " in database " + database);
    }

    static Statement stopActingAsOwner(String database, String role, String owner) {
        return plain(
                "ALTER ROLE " + identifier(role) + " IN DATABASE " + identifier(database) + " RESET role",
                "made role " + role + " act as itself again, not as " + owner + ", in database " + database);
    }

    static Statement createDatabase(String database, String owner) {
        return plain(
                "CREATE DATABASE " + identifier(database) + " OWNER " + identifier(owner),
                "created database " + database + " owned by " + owner);
    }

    static Statement changeDatabaseOwner(String database, String owner) {
        return plain(
                "ALTER DATABASE " + identifier(database) + " OWNER TO " + identifier(owner),
                "made " + owner + " the owner of database " + database);
    }

    static Statement revokeDatabaseFromPublic(String database) {
        return plain(
                "REVOKE ALL ON DATABASE " + identifier(database) + " FROM PUBLIC",
                "revoked all privileges on database " + database + " from PUBLIC");
    }

    static Statement grantConnect(String database, String role) {
        return plain(
                "GRANT CONNECT ON DATABASE " + identifier(database) + " TO " + identifier(role),
                "granted CONNECT on database " + database + " to " + role);
    }

    static Statement revokeConnect(String database, String role) {
        return plain(
                "REVOKE CONNECT ON DATABASE " + identifier(database) + " FROM " + identifier(role),
                "revoked CONNECT on database " + database + " from " + role + ", which no longer uses it");
    }

    static Statement changeSchemaOwner(String database, String schema, String owner) {
        return plain(
                "ALTER SCHEMA " + identifier(schema) + " OWNER TO " + identifier(owner),
                "made " + owner + " the owner of schema " + schema + " in database " + database);
    }

    static Statement revokeCreateOnSchemaFromPublic(String database, String schema) {
        return plain(
                "REVOKE CREATE ON SCHEMA " + identifier(schema) + " FROM PUBLIC",
                "revoked CREATE on schema " + schema + " in database " + database + " from PUBLIC");
    }

    static Statement createExtension(String database, String extension) {
        return plain(
                "CREATE EXTENSION IF NOT EXISTS " + identifier(extension),
                "created extension " + extension + " in database " + database);
    }

    static Statement grantOnSchema(String database, String schema, String role) {
        return plain(
                "GRANT USAGE ON SCHEMA " + identifier(schema) + " TO " + identifier(role),
                "granted USAGE on schema " + database + "." + schema + " to " + role);
    }

    /** GRANT on every existing table or sequence of a schema. */
    static Statement grantOnAll(
            String database, ObjectClass objects, Set<Privilege> privileges, String schema, String role) {
        return plain(
                "GRANT " + list(privileges) + " ON ALL " + objects.keyword + " IN SCHEMA " + identifier(schema) + " TO "
                        + identifier(role),
                "granted " + list(privileges) + " on all " + word(objects) + " in schema " + database + "." + schema
                        + " to " + role);
    }

    static Statement revokeOnAll(
            String database, ObjectClass objects, Set<Privilege> privileges, String schema, String role) {
        return plain(
                "REVOKE " + list(privileges) + " ON ALL " + objects.keyword + " IN SCHEMA " + identifier(schema)
                        + " FROM " + identifier(role),
                "revoked " + list(privileges) + " on all " + word(objects) + " in schema " + database + "." + schema
                        + " from " + role);
    }

    /**
     * Default privileges on what {@code owner} creates later, in any schema of the database (no IN SCHEMA, so
     * schemas the owner creates later are covered too).
     */
    static Statement grantByDefault(
            String database, String owner, ObjectClass objects, Set<Privilege> privileges, String role) {
        return plain(
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + identifier(owner) + " GRANT " + list(privileges) + " ON "
                        + objects.keyword + " TO " + identifier(role),
                "granted " + list(privileges) + " on " + word(objects) + " that " + owner + " creates in database "
                        + database + " to " + role);
    }

    static Statement revokeByDefault(
            String database, String owner, ObjectClass objects, Set<Privilege> privileges, String role) {
        return plain(
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + identifier(owner) + " REVOKE " + list(privileges) + " ON "
                        + objects.keyword + " FROM " + identifier(role),
                "revoked " + list(privileges) + " on " + word(objects) + " that " + owner + " creates in database "
                        + database + " from " + role);
    }

    private static String list(Set<Privilege> privileges) {
        return privileges.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String word(ObjectClass objects) {
        return objects.keyword.toLowerCase(Locale.ROOT);
    }

    private static Statement plain(String sql, String action) {
        return new Statement(sql, action, null);
    }

    private static Statement secret(String sql, String action, String secret) {
        return new Statement(sql, action, secret);
    }
}
