package io.atonix.operator.postgres.sql;

import java.util.Arrays;
import java.util.Optional;

/** The privileges the provisioner grants; the constant names are the SQL keywords. */
enum Privilege {
    // Declaration order is the order statements and actions list them in.
    USAGE,
    SELECT,
    INSERT,
    UPDATE,
    DELETE;

    /** The privilege of a catalog's privilege_type, if it is one the provisioner manages. */
    static Optional<Privilege> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
