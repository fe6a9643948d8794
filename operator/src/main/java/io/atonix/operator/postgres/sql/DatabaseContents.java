package io.atonix.operator.postgres.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Inside one database: schema {@code public} belongs to the database's owner role and PUBLIC cannot create in it,
 * and the planned extensions exist.
 *
 * <p>PostgreSQL 15 and later already make {@code public} owned by {@code pg_database_owner} (whoever owns the
 * database) without CREATE for PUBLIC; that is accepted as it is. Up to 14, {@code public} belongs to the
 * bootstrap superuser and every role may create in it: the owner role gets the schema, and PUBLIC loses CREATE,
 * so that the same rules hold on every version.
 */
final class DatabaseContents {
    static final String PUBLIC_SCHEMA = "public";
    private static final String DATABASE_OWNER_ROLE = "pg_database_owner";

    private static final String READ_PUBLIC_SCHEMA = """
            SELECT pg_get_userbyid(n.nspowner),
                   EXISTS (SELECT 1 FROM aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
                           WHERE a.grantee = 0 AND a.privilege_type = 'CREATE')
            FROM pg_namespace n
            WHERE n.nspname = ?""";
    private static final String READ_EXTENSIONS = "SELECT extname FROM pg_extension";

    private record PublicSchema(String owner, boolean publicCanCreate) {}

    private DatabaseContents() {}

    static void ensure(SqlSession session, DatabasePlan database) throws ProvisioningException {
        ensurePublicSchema(session, database.owner().role());
        Set<String> extensions = new HashSet<>(session.query("extensions", READ_EXTENSIONS, row -> row.getString(1)));
        for (String extension : database.extensions()) {
            if (!extensions.contains(extension)) {
                session.execute(Ddl.createExtension(session.database(), extension));
            }
        }
    }

    private static void ensurePublicSchema(SqlSession session, String owner) throws ProvisioningException {
        List<PublicSchema> found = session.query(
                "schema public",
                READ_PUBLIC_SCHEMA,
                row -> new PublicSchema(row.getString(1), row.getBoolean(2)),
                PUBLIC_SCHEMA);
        if (found.isEmpty()) {
            return; // Someone dropped it; the owner creates the schemas it wants.
        }
        PublicSchema schema = found.get(0);
        if (!schema.owner().equals(owner) && !schema.owner().equals(DATABASE_OWNER_ROLE)) {
            session.execute(Ddl.changeSchemaOwner(session.database(), PUBLIC_SCHEMA, owner));
        }
        if (schema.publicCanCreate()) {
            session.execute(Ddl.revokeCreateOnSchemaFromPublic(session.database(), PUBLIC_SCHEMA));
        }
    }
}
