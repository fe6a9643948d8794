package io.atonix.operator.postgres.sql;

import io.atonix.api.v1beta1.common.Access;
import io.atonix.api.v1beta1.postgres.RoleSpec;
import java.util.Objects;

/**
 * The login role of one application, with ReadWrite (data only, no DDL), ReadOnly or Owner (schema changes, as the
 * database's owner role) access to one database.
 */
public record ServiceLogin(Login login, String database, Access access) {

    public ServiceLogin {
        Objects.requireNonNull(login, "login");
        NameRules.database(database);
        Objects.requireNonNull(access, "access of role " + login.role());
    }

    /** The login of a role of spec.roles (an AppStack fills them from its services' uses). */
    public static ServiceLogin of(RoleSpec role, Password password) {
        return new ServiceLogin(
                new Login(RoleNames.login(role.name()), password), role.database(), role.accessOrDefault());
    }

    public String role() {
        return login.role();
    }
}
