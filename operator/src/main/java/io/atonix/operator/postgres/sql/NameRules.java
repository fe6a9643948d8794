package io.atonix.operator.postgres.sql;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a database, role or extension name may be. The rules are stricter than PostgreSQL's so that a name never
 * needs quoting to be read by a person or typed in psql; the statements quote it all the same.
 */
public final class NameRules {
    /** The same rule as {@code Postgres.spec.databases[].name}. */
    private static final Pattern DATABASE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Database-derived names ({@code shop_owner}) and service names, which are DNS labels ({@code order-api}). */
    private static final Pattern ROLE = Pattern.compile("[a-z0-9_][a-z0-9_-]{0,62}");
    /** Extension names in the PostgreSQL distribution use a hyphen too ({@code uuid-ossp}). */
    private static final Pattern EXTENSION = Pattern.compile("[a-z_][a-z0-9_-]{0,62}");

    private static final int SHOWN = 80;

    /** The maintenance database and the templates belong to the server, not to an application. */
    private static final Set<String> RESERVED_DATABASES = Set.of("postgres", "template0", "template1");
    /** Names PostgreSQL refuses or treats specially, and the superuser the operator connects as. */
    private static final Set<String> RESERVED_ROLES =
            Set.of("postgres", "public", "none", "current_user", "current_role", "session_user");

    private NameRules() {}

    public static String database(String name) {
        require(
                "database name",
                name,
                DATABASE,
                "lower-case letters, digits and underscores, starting with a letter or underscore");
        if (RESERVED_DATABASES.contains(name)) {
            throw new IllegalArgumentException("database name '" + name + "' is reserved for the server");
        }
        return name;
    }

    public static String role(String name) {
        require(
                "role name",
                name,
                ROLE,
                "lower-case letters, digits, underscores and hyphens, not starting with a hyphen");
        if (RESERVED_ROLES.contains(name) || name.startsWith("pg_")) {
            throw new IllegalArgumentException("role name '" + name + "' is reserved by PostgreSQL");
        }
        return name;
    }

    public static String extension(String name) {
        require(
                "extension name",
                name,
                EXTENSION,
                "lower-case letters, digits, underscores and hyphens, starting with a letter or underscore");
        return name;
    }

    private static void require(String what, String name, Pattern pattern, String rule) {
        if (name == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (!pattern.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " '" + shown(name) + "' is not valid: at most 63 characters, " + rule);
        }
    }

    /** The name as a message can show it: a hostile name is not secret, but it should not flood a condition. */
    private static String shown(String name) {
        String printable = name.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > SHOWN ? printable.substring(0, SHOWN) + "..." : printable;
    }
}
