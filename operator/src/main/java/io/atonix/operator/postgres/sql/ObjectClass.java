package io.atonix.operator.postgres.sql;

import io.atonix.api.v1beta1.common.Access;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of objects a service role is granted privileges on, with what each access level means for them. The
 * provisioner manages only the privileges listed here: it grants what an access level wants and revokes the rest
 * of these (after a change from ReadWrite to ReadOnly), and leaves every other privilege alone.
 */
enum ObjectClass {
    /** Tables, views, materialized views, foreign and partitioned tables: what GRANT ... ON ALL TABLES covers. */
    TABLES(
            "TABLES",
            "r",
            EnumSet.of(Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE, Privilege.DELETE),
            EnumSet.of(Privilege.SELECT)),
    /** USAGE lets nextval() run, which an INSERT into a serial or identity column does. */
    SEQUENCES(
            "SEQUENCES",
            "S",
            EnumSet.of(Privilege.USAGE, Privilege.SELECT, Privilege.UPDATE),
            EnumSet.of(Privilege.SELECT)),
    SCHEMAS("SCHEMAS", "n", EnumSet.of(Privilege.USAGE), EnumSet.of(Privilege.USAGE));

    /** The word in GRANT ... ON ALL TABLES and ALTER DEFAULT PRIVILEGES ... ON TABLES. */
    final String keyword;
    /** {@code pg_default_acl.defaclobjtype}. */
    final String defaultAclType;

    private final Set<Privilege> readWrite;
    private final Set<Privilege> readOnly;

    ObjectClass(String keyword, String defaultAclType, Set<Privilege> readWrite, Set<Privilege> readOnly) {
        this.keyword = keyword;
        this.defaultAclType = defaultAclType;
        this.readWrite = readWrite;
        this.readOnly = readOnly;
    }

    /** Owner gets what ReadWrite gets directly too: on tables another role created, it is a ReadWrite login. */
    Set<Privilege> wanted(Access access) {
        return EnumSet.copyOf(access == Access.ReadOnly ? readOnly : readWrite);
    }

    /** Managed privileges the access level must not have. */
    Set<Privilege> unwanted(Access access) {
        Set<Privilege> unwanted = EnumSet.copyOf(readWrite);
        unwanted.removeAll(wanted(access));
        return unwanted;
    }
}
