package io.atonix.operator.postgres.sql;

import io.atonix.api.v1alpha1.appstack.PostgresUse;
import io.atonix.api.v1alpha1.common.Access;
import java.util.Objects;

/** The login role of one service, with ReadWrite (data only, no DDL) or ReadOnly access to one database. */
public record ServiceLogin(Login login, String database, Access access) {

    public ServiceLogin {
        Objects.requireNonNull(login, "login");
        NameRules.database(database);
        Objects.requireNonNull(access, "access of role " + login.role());
    }

    /** The login of a stack's service that declares {@code uses.postgres}. */
    public static ServiceLogin of(String service, PostgresUse use, Password password) {
        return new ServiceLogin(new Login(RoleNames.service(service), password), use.database(), use.accessOrDefault());
    }

    public String role() {
        return login.role();
    }
}
