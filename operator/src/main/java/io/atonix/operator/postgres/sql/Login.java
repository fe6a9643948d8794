package io.atonix.operator.postgres.sql;

import java.util.Objects;

/** A role that logs in with a password. The password is used only when the role is created or rotated. */
public record Login(String role, Password password) {

    public Login {
        NameRules.role(role);
        Objects.requireNonNull(password, "password of role " + role);
    }
}
