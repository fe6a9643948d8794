package io.atonix.api.v1beta1.common;

/**
 * The level of access a service is granted on a data store it uses. {@link #Owner} exists for PostgreSQL only (schema
 * changes, as the database's owner); Redis refuses it at admission.
 */
public enum Access {
    ReadWrite,
    ReadOnly,
    Owner;

    /** The CEL rule that keeps Owner off a Redis user or use, whose ACLs have no owner. */
    public static final String NOT_OWNER = "!has(self.access) || self.access != 'Owner'";

    public static final String NOT_OWNER_MESSAGE =
            "Owner is an access to PostgreSQL (schema changes as the database's owner); Redis has ReadWrite and ReadOnly";
}
