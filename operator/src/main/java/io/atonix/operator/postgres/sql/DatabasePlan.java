package io.atonix.operator.postgres.sql;

import io.atonix.api.v1beta1.postgres.DatabaseSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A database the server must have, the role that owns it, and the extensions created in it. The owner logs in: its
 * credentials are the ones {@code Postgres.status.binding} points at, for migrations and administration.
 */
public record DatabasePlan(String name, Login owner, List<String> extensions) {

    public DatabasePlan {
        NameRules.database(name);
        Objects.requireNonNull(owner, "owner of database " + name);
        extensions = extensions == null ? List.of() : List.copyOf(new LinkedHashSet<>(extensions));
        extensions.forEach(NameRules::extension);
    }

    /** The plan for a database of a {@code Postgres} spec, owned by {@link RoleNames#owner}. */
    public static DatabasePlan of(DatabaseSpec spec, Password ownerPassword) {
        return new DatabasePlan(spec.name(), new Login(RoleNames.owner(spec.name()), ownerPassword), spec.extensions());
    }
}
