package io.atonix.operator.postgres.sql;

import io.atonix.api.v1beta1.common.Access;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inside one database: what one service role may do with the data, per {@link ObjectClass}, on what exists now in
 * every schema that is not PostgreSQL's own, and by default on what the owner role creates later in any schema,
 * new schemas included. The service role is never granted CREATE anywhere, so it changes data but not the schema.
 *
 * <p>Tables created later by another role than the owner (the superuser, say) are not covered by the default
 * privileges; the next run finds them and grants on them.
 */
final class ServiceGrants {
    /** Per non-system schema: does the role lack USAGE, lack a wanted privilege on some table or sequence, or hold an unwanted one directly. */
    private static final String READ_SCHEMAS = """
            WITH grantee AS (SELECT oid FROM pg_roles WHERE rolname = ?),
                 privileges AS (SELECT ?::text[] AS tables, ?::text[] AS tables_unwanted,
                                       ?::text[] AS sequences, ?::text[] AS sequences_unwanted)
            SELECT n.nspname,
                   has_schema_privilege(g.oid, n.oid, 'USAGE'),
                   EXISTS (SELECT 1 FROM pg_class c
                           WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                             AND NOT (SELECT bool_and(has_table_privilege(g.oid, c.oid, p)) FROM unnest(w.tables) p)),
                   EXISTS (SELECT 1 FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
                           WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                             AND a.grantee = g.oid AND a.privilege_type = ANY (w.tables_unwanted)),
                   EXISTS (SELECT 1 FROM pg_class c
                           WHERE c.relnamespace = n.oid AND c.relkind = 'S'
                             AND NOT (SELECT bool_and(has_sequence_privilege(g.oid, c.oid, p)) FROM unnest(w.sequences) p)),
                   EXISTS (SELECT 1 FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
                           WHERE c.relnamespace = n.oid AND c.relkind = 'S'
                             AND a.grantee = g.oid AND a.privilege_type = ANY (w.sequences_unwanted))
            FROM pg_namespace n CROSS JOIN grantee g CROSS JOIN privileges w
            WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
            ORDER BY n.nspname""";

    /** Database-wide default privileges of the owner (defaclnamespace 0) held by the role. */
    private static final String READ_DEFAULTS = """
            SELECT d.defaclobjtype::text, a.privilege_type
            FROM pg_default_acl d CROSS JOIN LATERAL aclexplode(d.defaclacl) a
            WHERE d.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = ?)
              AND d.defaclnamespace = 0
              AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = ?)""";

    private record Schema(
            String name,
            boolean usage,
            boolean tablesMissing,
            boolean tablesUnwanted,
            boolean sequencesMissing,
            boolean sequencesUnwanted) {}

    private ServiceGrants() {}

    static void ensure(SqlSession session, String owner, ServiceLogin service) throws ProvisioningException {
        ensureOnExisting(session, service);
        ensureByDefault(session, owner, service);
    }

    private static void ensureOnExisting(SqlSession session, ServiceLogin service) throws ProvisioningException {
        String database = session.database();
        String role = service.role();
        Access access = service.access();
        List<Schema> schemas = session.query(
                "privileges of role " + role,
                READ_SCHEMAS,
                row -> new Schema(
                        row.getString(1),
                        row.getBoolean(2),
                        row.getBoolean(3),
                        row.getBoolean(4),
                        row.getBoolean(5),
                        row.getBoolean(6)),
                role,
                names(ObjectClass.TABLES.wanted(access)),
                names(ObjectClass.TABLES.unwanted(access)),
                names(ObjectClass.SEQUENCES.wanted(access)),
                names(ObjectClass.SEQUENCES.unwanted(access)));
        for (Schema schema : schemas) {
            if (!schema.usage()) {
                session.execute(Ddl.grantOnSchema(database, schema.name(), role));
            }
            if (schema.tablesMissing()) {
                session.execute(Ddl.grantOnAll(
                        database, ObjectClass.TABLES, ObjectClass.TABLES.wanted(access), schema.name(), role));
            }
            if (schema.tablesUnwanted()) {
                session.execute(Ddl.revokeOnAll(
                        database, ObjectClass.TABLES, ObjectClass.TABLES.unwanted(access), schema.name(), role));
            }
            if (schema.sequencesMissing()) {
                session.execute(Ddl.grantOnAll(
                        database, ObjectClass.SEQUENCES, ObjectClass.SEQUENCES.wanted(access), schema.name(), role));
            }
            if (schema.sequencesUnwanted()) {
                session.execute(Ddl.revokeOnAll(
                        database, ObjectClass.SEQUENCES, ObjectClass.SEQUENCES.unwanted(access), schema.name(), role));
            }
        }
    }

    private static void ensureByDefault(SqlSession session, String owner, ServiceLogin service)
            throws ProvisioningException {
        String role = service.role();
        Map<String, Set<Privilege>> held = new HashMap<>();
        for (Map.Entry<String, String> grant : session.query(
                "default privileges of role " + owner,
                READ_DEFAULTS,
                row -> Map.entry(row.getString(1), row.getString(2)),
                owner,
                role)) {
            Privilege.named(grant.getValue())
                    .ifPresent(p -> held.computeIfAbsent(grant.getKey(), k -> EnumSet.noneOf(Privilege.class))
                            .add(p));
        }
        for (ObjectClass objects : ObjectClass.values()) {
            Set<Privilege> has = held.getOrDefault(objects.defaultAclType, EnumSet.noneOf(Privilege.class));
            Set<Privilege> missing = objects.wanted(service.access());
            missing.removeAll(has);
            if (!missing.isEmpty()) {
                session.execute(Ddl.grantByDefault(session.database(), owner, objects, missing, role));
            }
            Set<Privilege> unwanted = objects.unwanted(service.access());
            unwanted.retainAll(has);
            if (!unwanted.isEmpty()) {
                session.execute(Ddl.revokeByDefault(session.database(), owner, objects, unwanted, role));
            }
        }
    }

    private static String[] names(Set<Privilege> privileges) {
        return privileges.stream().map(Enum::name).toArray(String[]::new);
    }
}
